#!/usr/bin/env python3
"""Compares two `scan --format json` reports finding by finding (used by scripts/compare-findings.sh)."""
import json,sys,collections
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]))
def key(d): 
    l=d['location']; return (d['id'], l.get('artifact'), l.get('entry'), l.get('member'), l.get('memberDescriptor'), l.get('bytecodeOffset'), d['message'])
A={key(d):d for d in a['diagnostics']}; B={key(d):d for d in b['diagnostics']}
print('base', len(A), 'new', len(B))
print('ids base', collections.Counter(k[0] for k in A)); print('ids new', collections.Counter(k[0] for k in B))
onlyA=[k for k in A if k not in B]; onlyB=[k for k in B if k not in A]
print('only base', len(onlyA)); [print('  -', k[:3], k[6][:150]) for k in onlyA[:10]]
print('only new', len(onlyB)); [print('  +', k[:3], k[6][:150]) for k in onlyB[:10]]
sev=[(k, A[k]['severity'], B[k]['severity']) for k in A if k in B and A[k]['severity']!=B[k]['severity']]
print('severity changed', len(sev), collections.Counter((s[1],s[2],s[0][0]) for s in sev))
other=[k for k in A if k in B and {x:y for x,y in A[k].items() if x!='severity'}!={x:y for x,y in B[k].items() if x!='severity'}]
print('other field changes', len(other)); 
for k in other[:3]:
    print({x:(A[k].get(x),B[k].get(x)) for x in set(A[k])|set(B[k]) if A[k].get(x)!=B[k].get(x)})
print('inputs equal', a['inputs']==b['inputs'] if 'inputs' in a else None)
