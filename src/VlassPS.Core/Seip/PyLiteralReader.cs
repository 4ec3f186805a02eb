using System.Globalization;
using System.Numerics;
using System.Text;

namespace VlassPS.Core.Seip;

/// <summary>
/// Reads Python literal source the way <c>ast.literal_eval</c> does: str in both quote styles (and triple
/// quotes) with all escapes, u/r prefixes, implicit concatenation of adjacent strings, int (decimal,
/// hex, octal, binary, underscores), float, unary +/- on numbers, True/False/None, list, tuple, dict,
/// trailing commas, comments and surrounding whitespace.
/// Values that literal_eval accepts but VlassPS has no model for (bytes, complex, set, Ellipsis) are
/// refused with an explicit message; everything literal_eval refuses is refused with line and column.
/// </summary>
public sealed class PyLiteralReader
{
    private readonly string _s;
    private int _pos;
    private int _depth;   // bracket nesting: newlines are insignificant inside brackets only

    /// <summary>Python's tokenizer refuses more than 200 nested brackets; so do we (and the stack stays bounded).</summary>
    public const int MaxNesting = 200;

    private PyLiteralReader(string source) => _s = source;

    public static PyValue Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var r = new PyLiteralReader(source);
        int nul = source.IndexOf('\0');
        if (nul >= 0) throw r.Error("The text contains a NUL character (ValueError: source code string cannot contain null bytes)", nul);
        // literal_eval strips leading spaces and tabs before parsing.
        while (r._pos < r._s.Length && (r._s[r._pos] == ' ' || r._s[r._pos] == '\t')) r._pos++;
        r.SkipLeadingBlankLines();
        r.SkipTrivia();
        if (r.AtEnd) throw r.Error("No value: an empty expression is a SyntaxError", r._pos);
        var value = r.ParseValue();
        r.SkipTrivia();
        if (!r.AtEnd && r._s[r._pos] == ',') value = r.ParseBareTuple(value);
        if (!r.AtEnd) throw r.Error($"Unexpected text after the value: {Describe(r._s[r._pos])}", r._pos);
        r.CheckTrailingIndent();
        return value;
    }

    public static bool TryParse(string source, out PyValue? value, out PyLiteralSyntaxException? error)
    {
        try { value = Parse(source); error = null; return true; }
        catch (PyLiteralSyntaxException ex) { value = null; error = ex; return false; }
    }

    // Blank and comment-only lines before the value are ignored by the tokenizer, but the first real line
    // must not be indented (IndentationError), except the very first line, whose indentation
    // literal_eval strips. A form feed resets the indentation count, as in CPython.
    private void SkipLeadingBlankLines()
    {
        while (true)
        {
            int lineStart = _pos, indentAt = -1;
            int i = _pos;
            while (i < _s.Length && (_s[i] == ' ' || _s[i] == '\t' || _s[i] == '\f'))
            {
                if (_s[i] == '\f') indentAt = -1;
                else if (indentAt < 0) indentAt = i;
                i++;
            }
            if (i < _s.Length && _s[i] == '#') while (i < _s.Length && _s[i] != '\n' && _s[i] != '\r') i++;
            if (i < _s.Length && (_s[i] == '\n' || _s[i] == '\r'))
            {
                i += _s[i] == '\r' && i + 1 < _s.Length && _s[i + 1] == '\n' ? 2 : 1;
                _pos = i;
                continue;
            }
            // (The first line's leading spaces and tabs are already stripped, so any indentation left there
            // follows a form feed, which CPython also rejects.)
            if (indentAt >= 0 && i < _s.Length)
                throw Error("IndentationError: unexpected indent", indentAt);
            _pos = lineStart;
            return;
        }
    }

    // A last line (no line break after it) holding only spaces or tabs is an indented empty statement for
    // CPython's tokenizer: IndentationError. A comment or a form feed after the blanks makes it harmless.
    private void CheckTrailingIndent()
    {
        int nl = _s.LastIndexOfAny(['\n', '\r']);
        if (nl < 0 || nl == _s.Length - 1) return;
        int indent = 0, at = -1;
        for (int i = nl + 1; i < _s.Length; i++)
        {
            char c = _s[i];
            if (c == '\f') { indent = 0; at = -1; }
            else if (c == ' ' || c == '\t') { if (at < 0) at = i; indent++; }
            else return;   // a comment (or anything else already checked)
        }
        if (indent > 0) throw Error("IndentationError: unexpected indent", at);
    }

    // "1, 2" and "1," at the top level are tuples, as in any Python expression.
    private PyValue ParseBareTuple(PyValue first)
    {
        var items = new List<PyValue> { first };
        while (!AtEnd && _s[_pos] == ',')
        {
            _pos++;
            SkipTrivia();
            if (AtEnd) break;
            items.Add(ParseValue());
            SkipTrivia();
        }
        return new PyTuple(items);
    }

    private bool AtEnd => _pos >= _s.Length;

    private PyLiteralSyntaxException Error(string reason, int at)
    {
        int line = 1, col = 1;
        for (int i = 0; i < at && i < _s.Length; i++)
        {
            if (_s[i] == '\n' || (_s[i] == '\r' && (i + 1 >= _s.Length || _s[i + 1] != '\n'))) { line++; col = 1; }
            else if (_s[i] != '\r') col++;
        }
        return new PyLiteralSyntaxException(reason, line, col);
    }

    private static string Describe(char c) => c switch
    {
        '\n' => "a line break",
        '\r' => "a carriage return",
        _ when c < 0x20 || c == 0x7F => $"control character U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    // Whitespace, comments, backslash-newline continuations; newlines only inside brackets
    // (and trailing newlines at the very end, which the tokenizer also accepts).
    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            char c = _s[_pos];
            if (c == ' ' || c == '\t' || c == '\f') { _pos++; continue; }
            if (c == '#') { while (!AtEnd && _s[_pos] != '\n' && _s[_pos] != '\r') _pos++; continue; }
            if (c == '\\' && _pos + 1 < _s.Length && (_s[_pos + 1] == '\n' || _s[_pos + 1] == '\r'))
            {
                _pos += 2;
                if (_s[_pos - 1] == '\r' && !AtEnd && _s[_pos] == '\n') _pos++;
                continue;
            }
            if (c == '\n' || c == '\r')
            {
                if (_depth > 0 || OnlyTriviaFollows(_pos)) { _pos++; continue; }
                return;
            }
            return;
        }
    }

    private bool OnlyTriviaFollows(int from)
    {
        for (int i = from; i < _s.Length; i++)
        {
            char c = _s[i];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') continue;
            if (c == '#') { while (i < _s.Length && _s[i] != '\n' && _s[i] != '\r') i++; i--; continue; }
            return false;
        }
        return true;
    }

    private PyValue ParseValue()
    {
        SkipTrivia();
        if (AtEnd) throw Error("Unexpected end of text: a value is missing", _pos);
        char c = _s[_pos];
        switch (c)
        {
            case '[': return ParseList();
            case '(': return ParseParenthesised();
            case '{': return ParseBrace();
            case '\'': case '"': return ParseStrings();
            case '-': case '+': return ParseSigned();
        }
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _s.Length && char.IsAsciiDigit(_s[_pos + 1])))
            return ParseNumber(out _);
        if (c == '.' && _s.AsSpan(_pos).StartsWith("..."))
            throw Error("Ellipsis (...) is a literal but has no meaning in a parameter list", _pos);
        if (IsIdentifierStart(c))
        {
            int start = _pos;
            while (!AtEnd && IsIdentifierPart(_s[_pos])) _pos++;
            string word = _s[start.._pos];
            if (!AtEnd && (_s[_pos] == '\'' || _s[_pos] == '"') && IsStringPrefix(word))
            {
                _pos = start;
                return ParseStrings();
            }
            return word switch
            {
                "True" => PyValue.True,
                "False" => PyValue.False,
                "None" => PyValue.None,
                "inf" or "nan" or "Infinity" or "NaN" => throw Error($"'{word}' is a name, not a literal: Python has no literal for infinity or NaN", start),
                "true" or "false" or "none" or "null" => throw Error($"'{word}' is not a Python literal (did you mean {(word == "true" ? "True" : word == "false" ? "False" : "None")}?); unquoted text is a name", start),
                _ => throw Error($"'{word}' is a name, not a literal (strings must be quoted)", start),
            };
        }
        throw Error($"Unexpected {Describe(c)}: expected a value", _pos);
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';
    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsStringPrefix(string w)
    {
        string l = w.ToLowerInvariant();
        return l is "r" or "u" or "b" or "f" or "br" or "rb" or "fr" or "rf";
    }

    // literal_eval accepts a sign only directly on an int or float constant; parentheses around the
    // number are transparent (-(1) is fine), but -(-1), -True and -'a' are not.
    private PyValue ParseSigned()
    {
        int start = _pos;
        char sign = _s[_pos++];
        bool negate = sign == '-';
        int parens = 0;
        SkipTrivia();
        while (!AtEnd && _s[_pos] == '(') { Open(); parens++; SkipTrivia(); }
        if (AtEnd) throw Error("Unexpected end of text after a sign", _pos);
        char c = _s[_pos];
        if (!(char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _s.Length && char.IsAsciiDigit(_s[_pos + 1]))))
            throw Error($"A sign may only precede a number literal ({sign} applied to {Describe(c)})", start);
        var n = ParseNumber(out _);
        for (; parens > 0; parens--)
        {
            SkipTrivia();
            if (AtEnd || _s[_pos] != ')')
                throw Error($"A sign may only precede a number literal (found {(AtEnd ? "the end of the text" : Describe(_s[_pos]))} inside the parentheses)", start);
            _pos++; _depth--;
        }
        return n switch
        {
            PyInt i => new PyInt(negate ? -i.Value : i.Value),
            PyFloat f => new PyFloat(negate ? -f.Value : f.Value),
            _ => n,
        };
    }

    // Steps over an opening bracket, refusing nesting deeper than Python's.
    private void Open()
    {
        if (_depth >= MaxNesting) throw Error($"Too many nested parentheses (SyntaxError: Python allows at most {MaxNesting} levels)", _pos);
        _pos++; _depth++;
    }

    private PyValue ParseList()
    {
        int open = _pos;
        Open();
        var items = ParseItems(']', out _, open);
        _depth--;
        return new PyList(items);
    }

    private PyValue ParseParenthesised()
    {
        int open = _pos;
        Open();
        SkipTrivia();
        if (!AtEnd && _s[_pos] == ')') { _pos++; _depth--; return new PyTuple(); }
        var items = ParseItems(')', out bool sawComma, open);
        _depth--;
        // (x) is just x; (x,) and (x, y) are tuples.
        return items.Count == 1 && !sawComma ? items[0] : new PyTuple(items);
    }

    private List<PyValue> ParseItems(char close, out bool sawComma, int open = -1)
    {
        var items = new List<PyValue>();
        sawComma = false;
        while (true)
        {
            SkipTrivia();
            if (AtEnd) throw Error($"'{close}' was never closed", open >= 0 ? open : _pos);
            if (_s[_pos] == close) { _pos++; return items; }
            if (_s[_pos] == ',') throw Error("Unexpected ',': a value is missing", _pos);
            items.Add(ParseValue());
            SkipTrivia();
            if (AtEnd) throw Error($"'{(close == ']' ? '[' : '(')}' was never closed", open >= 0 ? open : _pos);
            char c = _s[_pos];
            if (c == ',') { _pos++; sawComma = true; continue; }
            if (c == close) { _pos++; return items; }
            throw Error($"Unexpected {Describe(c)}: expected ',' or '{close}'", _pos);
        }
    }

    private PyValue ParseBrace()
    {
        int open = _pos;
        Open();
        var pairs = new List<KeyValuePair<PyValue, PyValue>>();
        bool? isDict = null;
        while (true)
        {
            SkipTrivia();
            if (AtEnd) throw Error("'{' was never closed", open);
            if (_s[_pos] == '}') { _pos++; break; }
            if (_s[_pos] == ',') throw Error("Unexpected ',': a value is missing", _pos);
            int keyAt = _pos;
            var key = ParseValue();
            SkipTrivia();
            if (AtEnd) throw Error("'{' was never closed", open);
            if (_s[_pos] == ':')
            {
                if (isDict == false) throw Error("Unexpected ':' in a set", _pos);
                isDict = true;
                _pos++;
                if (!key.IsHashable) throw Error($"A {key.TypeName} cannot be a dict key (TypeError: unhashable type: '{key.TypeName}')", keyAt);
                var value = ParseValue();
                pairs.Add(new(key, value));
                SkipTrivia();
            }
            else
            {
                if (isDict == true) throw Error("Expected ':' after a dict key", _pos);
                isDict = false;
            }
            if (AtEnd) throw Error("'{' was never closed", open);
            if (_s[_pos] == ',') { _pos++; continue; }
            if (_s[_pos] == '}') { _pos++; break; }
            throw Error($"Unexpected {Describe(_s[_pos])}: expected ',' or '}}'", _pos);
        }
        _depth--;
        if (isDict == false) throw Error("Set literals ({a, b}) are accepted by literal_eval but not supported in a parameter list; use a list", open);
        return new PyDict(pairs);
    }

    // One or more adjacent string literals, concatenated (Python's implicit concatenation).
    private PyValue ParseStrings()
    {
        var sb = new StringBuilder();
        while (true)
        {
            ParseOneString(sb);
            int save = _pos;
            SkipTrivia();
            if (!AtEnd && StartsStringLiteral(_pos)) continue;
            _pos = save;
            SkipTrivia();
            break;
        }
        return new PyStr(sb.ToString());
    }

    private bool StartsStringLiteral(int at)
    {
        char c = _s[at];
        if (c == '\'' || c == '"') return true;
        int i = at;
        while (i < _s.Length && i - at < 2 && char.IsAsciiLetter(_s[i])) i++;
        return i > at && i < _s.Length && (_s[i] == '\'' || _s[i] == '"') && IsStringPrefix(_s[at..i]);
    }

    private void ParseOneString(StringBuilder sb)
    {
        int start = _pos;
        int p = _pos;
        while (p < _s.Length && char.IsAsciiLetter(_s[p])) p++;
        string prefix = _s[_pos..p].ToLowerInvariant();
        if (prefix.Contains('b'))
            throw Error("Bytes literals (b'...') are accepted by literal_eval but are not text; the pipeline needs str values", start);
        if (prefix.Contains('f'))
            throw Error("f-strings are expressions, not literals (ValueError: malformed node)", start);
        bool raw = prefix.Contains('r');
        _pos = p;
        char q = _s[_pos];
        bool triple = _pos + 2 < _s.Length && _s[_pos + 1] == q && _s[_pos + 2] == q;
        _pos += triple ? 3 : 1;
        while (true)
        {
            if (AtEnd)
                throw Error(triple ? "Unterminated triple-quoted string literal" : "Unterminated string literal (missing closing quote)", start);
            char c = _s[_pos];
            if (c == q && (!triple || (_pos + 2 < _s.Length && _s[_pos + 1] == q && _s[_pos + 2] == q)))
            {
                _pos += triple ? 3 : 1;
                return;
            }
            if (!triple && (c == '\n' || c == '\r'))
                throw Error("Unterminated string literal (a line break inside a quoted string)", start);
            if (c == '\\')
            {
                if (raw)
                {
                    // Raw strings keep the backslash; it still protects the next character (even a quote).
                    if (_pos + 1 >= _s.Length) throw Error("Unterminated string literal (a raw string cannot end in a backslash)", start);
                    sb.Append(c).Append(_s[_pos + 1]);
                    _pos += 2;
                    continue;
                }
                ParseEscape(sb, start);
                continue;
            }
            if (c == '\r')
            {
                // Python normalises line endings inside triple-quoted strings to \n.
                sb.Append('\n');
                _pos += _pos + 1 < _s.Length && _s[_pos + 1] == '\n' ? 2 : 1;
                continue;
            }
            sb.Append(c);
            _pos++;
        }
    }

    private void ParseEscape(StringBuilder sb, int literalStart)
    {
        int at = _pos;
        _pos++;
        if (AtEnd) throw Error("Unterminated string literal (ends in a backslash)", literalStart);
        char e = _s[_pos++];
        switch (e)
        {
            case '\n': return;                                   // backslash-newline: continuation
            case '\r': if (!AtEnd && _s[_pos] == '\n') _pos++; return;
            case '\\': sb.Append('\\'); return;
            case '\'': sb.Append('\''); return;
            case '"': sb.Append('"'); return;
            case 'a': sb.Append('\a'); return;
            case 'b': sb.Append('\b'); return;
            case 'f': sb.Append('\f'); return;
            case 'n': sb.Append('\n'); return;
            case 'r': sb.Append('\r'); return;
            case 't': sb.Append('\t'); return;
            case 'v': sb.Append('\v'); return;
            case 'x': AppendCodePoint(sb, ReadHex(2, at, "\\xhh")); return;
            case 'u': AppendCodePoint(sb, ReadHex(4, at, "\\uXXXX")); return;
            case 'U':
            {
                int cp = ReadHex(8, at, "\\UXXXXXXXX");
                if (cp < 0 || cp > 0x10FFFF) throw Error("(unicode error) illegal Unicode character in \\U escape", at);
                AppendCodePoint(sb, cp);
                return;
            }
            case 'N':
            {
                // \N{name}: Python's unicode-escape rules (malformed without braces or with an empty name).
                int close = !AtEnd && _s[_pos] == '{' ? _s.IndexOf('}', _pos + 1) : -1;
                if (close <= _pos + 1) throw Error("(unicode error) malformed \\N character escape", at);
                int cp = UnicodeNames.Lookup(_s[(_pos + 1)..close]);
                if (cp < 0) throw Error("(unicode error) unknown Unicode character name", at);
                _pos = close + 1;
                AppendCodePoint(sb, cp);
                return;
            }
        }
        if (e >= '0' && e <= '7')
        {
            int v = e - '0';
            for (int k = 0; k < 2 && !AtEnd && _s[_pos] >= '0' && _s[_pos] <= '7'; k++) v = v * 8 + (_s[_pos++] - '0');
            AppendCodePoint(sb, v);
            return;
        }
        // Unknown escapes keep the backslash (Python warns but accepts them).
        sb.Append('\\').Append(e);
    }

    private int ReadHex(int n, int at, string form)
    {
        if (_pos + n > _s.Length) throw Error($"(unicode error) truncated {form} escape", at);
        int v = 0;
        for (int k = 0; k < n; k++)
        {
            char h = _s[_pos + k];
            int d = char.IsAsciiHexDigit(h) ? Convert.ToInt32(h.ToString(), 16) : -1;
            if (d < 0) throw Error($"(unicode error) truncated {form} escape", at);
            v = v * 16 + d;
        }
        _pos += n;
        return v;
    }

    private static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp <= 0xFFFF) sb.Append((char)cp);   // includes lone surrogates, as Python allows
        else sb.Append(char.ConvertFromUtf32(cp));
    }

    private PyValue ParseNumber(out bool isFloat)
    {
        int start = _pos;
        isFloat = false;
        if (_s[_pos] == '0' && _pos + 1 < _s.Length && "xXoObB".Contains(_s[_pos + 1]))
        {
            char kind = char.ToLowerInvariant(_s[_pos + 1]);
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            _pos += 2;
            var digits = ReadDigits(c => DigitValue(c) >= 0 && DigitValue(c) < radix, allowLeadingUnderscore: true, start);
            if (digits.Length == 0) throw Error($"Invalid {(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary")} literal", start);
            CheckNumberEnd(start);
            BigInteger v = BigInteger.Zero;
            foreach (char c in digits) v = v * radix + DigitValue(c);
            return new PyInt(v);
        }

        string intDigits = ReadDigits(char.IsAsciiDigit, false, start);
        string frac = "";
        bool hasDot = false, hasExp = false;
        string exp = "";
        if (!AtEnd && _s[_pos] == '.')
        {
            hasDot = true;
            _pos++;
            if (!AtEnd && char.IsAsciiDigit(_s[_pos])) frac = ReadDigits(char.IsAsciiDigit, false, start);
        }
        if (!AtEnd && (_s[_pos] == 'e' || _s[_pos] == 'E'))
        {
            int save = _pos;
            _pos++;
            string sign = "";
            if (!AtEnd && (_s[_pos] == '+' || _s[_pos] == '-')) sign = _s[_pos++].ToString();
            if (!AtEnd && char.IsAsciiDigit(_s[_pos])) { hasExp = true; exp = sign + ReadDigits(char.IsAsciiDigit, false, start); }
            else { _pos = save; throw Error("Invalid decimal literal (exponent without digits)", start); }
        }
        if (!AtEnd && (_s[_pos] == 'j' || _s[_pos] == 'J'))
            throw Error("Complex numbers are accepted by literal_eval but not supported in a parameter list", start);
        CheckNumberEnd(start);

        if (!hasDot && !hasExp)
        {
            if (intDigits.Length > 1 && intDigits[0] == '0' && intDigits.Any(c => c != '0'))
                throw Error("Leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", start);
            if (intDigits.Length > 4300)
                throw Error("Exceeds the limit (4300 digits) for integer string conversion", start);
            return new PyInt(BigInteger.Parse(intDigits, NumberStyles.None, CultureInfo.InvariantCulture));
        }
        isFloat = true;
        string text = (intDigits.Length > 0 ? intDigits : "0") + "." + (frac.Length > 0 ? frac : "0") + (hasExp ? "e" + exp : "");
        // .NET Core 3.0+ parses IEEE-correctly (round-half-even), like Python; overflow gives infinity, as in Python.
        double d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new PyFloat(d);
    }

    private static int DigitValue(char c)
        => c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    // Digits with single underscores between them (PEP 515); underscores are dropped.
    private string ReadDigits(Func<char, bool> isDigit, bool allowLeadingUnderscore, int start)
    {
        var sb = new StringBuilder();
        bool lastUnderscore = false;
        if (allowLeadingUnderscore && !AtEnd && _s[_pos] == '_') { _pos++; lastUnderscore = true; }
        while (!AtEnd)
        {
            char c = _s[_pos];
            if (isDigit(c)) { sb.Append(c); _pos++; lastUnderscore = false; continue; }
            if (c == '_' && !lastUnderscore && (sb.Length > 0 || allowLeadingUnderscore))
            {
                if (_pos + 1 < _s.Length && isDigit(_s[_pos + 1])) { _pos++; lastUnderscore = true; continue; }
                throw Error("Invalid number literal (an underscore must separate digits)", start);
            }
            break;
        }
        if (lastUnderscore) throw Error("Invalid number literal (an underscore must separate digits)", start);
        return sb.ToString();
    }

    private void CheckNumberEnd(int start)
    {
        if (!AtEnd && (char.IsLetterOrDigit(_s[_pos]) || _s[_pos] == '_' || _s[_pos] == '.'))
            throw Error($"Invalid number literal (unexpected {Describe(_s[_pos])})", start);
    }
}
