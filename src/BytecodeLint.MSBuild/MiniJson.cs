using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace BytecodeLint.MSBuild;

/// <summary>
/// A small JSON reader for the CLI's report. Hand-written because the task must load in Visual
/// Studio's .NET Framework MSBuild, where any third-party dependency (System.Text.Json included) can
/// clash with the copy Visual Studio already loaded. Objects become
/// <see cref="Dictionary{TKey,TValue}"/>, arrays <see cref="List{T}"/>, numbers <see cref="double"/>.
/// </summary>
internal sealed class MiniJson
{
    private readonly string _text;
    private int _position;

    private MiniJson(string text) => _text = text;

    /// <summary>Parses one JSON value; throws <see cref="FormatException"/> naming the offset on bad input.</summary>
    public static object? Parse(string text)
    {
        var reader = new MiniJson(text);
        reader.SkipWhitespace();
        var value = reader.ReadValue();
        reader.SkipWhitespace();
        if (reader._position != text.Length) throw reader.Error("end of input");
        return value;
    }

    private object? ReadValue()
    {
        if (_position >= _text.Length) throw Error("a value");
        switch (_text[_position])
        {
            case '{': return ReadObject();
            case '[': return ReadArray();
            case '"': return ReadString();
            case 't': ExpectWord("true"); return true;
            case 'f': ExpectWord("false"); return false;
            case 'n': ExpectWord("null"); return null;
            default: return ReadNumber();
        }
    }

    private Dictionary<string, object?> ReadObject()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        SkipWhitespace();
        if (TryConsume('}')) return result;
        while (true)
        {
            SkipWhitespace();
            if (_position >= _text.Length || _text[_position] != '"') throw Error("a property name");
            var name = ReadString();
            SkipWhitespace();
            if (!TryConsume(':')) throw Error("':'");
            SkipWhitespace();
            result[name] = ReadValue();
            SkipWhitespace();
            if (TryConsume('}')) return result;
            if (!TryConsume(',')) throw Error("',' or '}'");
        }
    }

    private List<object?> ReadArray()
    {
        var result = new List<object?>();
        _position++;
        SkipWhitespace();
        if (TryConsume(']')) return result;
        while (true)
        {
            SkipWhitespace();
            result.Add(ReadValue());
            SkipWhitespace();
            if (TryConsume(']')) return result;
            if (!TryConsume(',')) throw Error("',' or ']'");
        }
    }

    private string ReadString()
    {
        _position++; // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length) throw Error("closing '\"'");
            var c = _text[_position++];
            if (c == '"') return builder.ToString();
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }
            if (_position >= _text.Length) throw Error("an escape character");
            var escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("four hex digits after \\u");
                    }
                    builder.Append((char)code);
                    _position += 4;
                    break;
                default: throw Error("a valid escape character");
            }
        }
    }

    private double ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0) _position++;
        if (start == _position
            || !double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            _position = start;
            throw Error("a value");
        }
        return value;
    }

    private void ExpectWord(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0) throw Error("'" + word + "'");
        _position += word.Length;
    }

    private bool TryConsume(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }
        return false;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n') _position++;
    }

    private FormatException Error(string expected) =>
        new FormatException("expected " + expected + " at character " + _position.ToString(CultureInfo.InvariantCulture));
}
