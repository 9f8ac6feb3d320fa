namespace BytecodeLint.Analysis;
