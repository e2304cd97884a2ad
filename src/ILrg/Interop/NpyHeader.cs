namespace ILrg.Interop;

/// <summary>The header of a <c>.npy</c> array: a Python dict literal with exactly the keys <c>descr</c>,
/// <c>fortran_order</c> and <c>shape</c>, padded with spaces and ended by a newline.</summary>
internal sealed record NpyHeader(TensorDType DType, bool FortranOrder, long[] Shape)
{
    private const string Accepted = "accepted are little-endian f2, f4, f8, i1, u1, i2, i4, i8 and b1";

    /// <summary>Parses the header text.</summary>
    /// <exception cref="InvalidDataException">Anything that is not exactly such a dict.</exception>
    public static NpyHeader Parse(string text, string source, string name)
    {
        var parser = new Cursor(text, source, name);
        return parser.Header();
    }

    private sealed class Cursor(string text, string source, string name)
    {
        private int _at;

        public NpyHeader Header()
        {
            if (text.Length == 0 || text[^1] != '\n')
            {
                throw Fail("does not end with a newline");
            }

            string? descr = null;
            bool? fortran = null;
            long[]? shape = null;
            Expect('{');
            SkipSpaces();
            while (Peek() != '}')
            {
                string key = QuotedString();
                SkipSpaces();
                Expect(':');
                SkipSpaces();
                switch (key)
                {
                    case "descr" when descr is null:
                        descr = QuotedString();
                        break;
                    case "fortran_order" when fortran is null:
                        fortran = Boolean();
                        break;
                    case "shape" when shape is null:
                        shape = Tuple();
                        break;
                    case "descr" or "fortran_order" or "shape":
                        throw Fail($"has the key '{key}' twice");
                    default:
                        throw Fail($"has the unexpected key '{key}' (only descr, fortran_order and shape are allowed)");
                }

                SkipSpaces();
                if (Peek() == ',')
                {
                    _at++;
                    SkipSpaces();
                }
                else if (Peek() != '}')
                {
                    throw Fail($"has '{Peek()}' at {_at} where ',' or '}}' belongs");
                }
            }

            _at++;
            while (_at < text.Length - 1)
            {
                if (text[_at++] != ' ')
                {
                    throw Fail("has text after the closing brace");
                }
            }

            if (descr is null || fortran is null || shape is null)
            {
                throw Fail("lacks one of the keys descr, fortran_order and shape");
            }

            return new NpyHeader(DType(descr), fortran.Value, shape);
        }

        private TensorDType DType(string descr) => descr switch
        {
            "<f2" => TensorDType.Float16,
            "<f4" => TensorDType.Float32,
            "<f8" => TensorDType.Float64,
            "|i1" or "<i1" => TensorDType.Int8,
            "|u1" or "<u1" => TensorDType.UInt8,
            "<i2" => TensorDType.Int16,
            "<i4" => TensorDType.Int32,
            "<i8" => TensorDType.Int64,
            "|b1" or "<b1" => TensorDType.Bool,
            _ when descr.StartsWith('>') => throw Fail($"is big-endian ('{descr}'); {Accepted}"),
            _ when descr.Contains('O', StringComparison.Ordinal) =>
                throw Fail($"holds Python objects ('{descr}'), which would need unpickling; {Accepted}"),
            _ => throw Fail($"has the element type '{descr}'; {Accepted}"),
        };

        private string QuotedString()
        {
            char quote = Peek();
            if (quote is not ('\'' or '"'))
            {
                throw Fail($"has '{quote}' at {_at} where a quoted string belongs");
            }

            int end = text.IndexOf(quote, _at + 1);
            if (end < 0)
            {
                throw Fail("has an unterminated string");
            }

            string value = text[(_at + 1)..end];
            if (value.Contains('\\', StringComparison.Ordinal))
            {
                throw Fail("has an escape sequence in a string");
            }

            _at = end + 1;
            return value;
        }

        private bool Boolean()
        {
            if (string.CompareOrdinal(text, _at, "True", 0, 4) == 0)
            {
                _at += 4;
                return true;
            }

            if (string.CompareOrdinal(text, _at, "False", 0, 5) == 0)
            {
                _at += 5;
                return false;
            }

            throw Fail("has a fortran_order that is neither True nor False");
        }

        private long[] Tuple()
        {
            Expect('(');
            var dims = new List<long>();
            bool trailingComma = false;
            SkipSpaces();
            while (Peek() != ')')
            {
                if (dims.Count >= InteropLimits.MaxRank)
                {
                    throw Fail($"has a shape of more than {InteropLimits.MaxRank} dimensions");
                }

                dims.Add(Integer());
                SkipSpaces();
                trailingComma = Peek() == ',';
                if (trailingComma)
                {
                    _at++;
                    SkipSpaces();
                }
                else if (Peek() != ')')
                {
                    throw Fail("has a malformed shape tuple");
                }
            }

            _at++;
            if (dims.Count == 1 && !trailingComma)
            {
                throw Fail("has a shape in parentheses without the comma of a 1-tuple");
            }

            return [.. dims];
        }

        private long Integer()
        {
            int start = _at;
            while (_at < text.Length && char.IsAsciiDigit(text[_at]))
            {
                _at++;
            }

            int digits = _at - start;
            if (digits == 0)
            {
                throw Fail("has a shape entry that is not a non-negative integer");
            }

            if (digits > 18)
            {
                throw Fail("has a shape entry too large to be real");
            }

            return long.Parse(text.AsSpan(start, digits), System.Globalization.CultureInfo.InvariantCulture);
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Fail($"has '{Peek()}' at {_at} where '{c}' belongs");
            }

            _at++;
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private void SkipSpaces()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }

        private InvalidDataException Fail(string what) =>
            InteropErrors.Bad(source, $"array '{name}': the .npy header {what}");
    }
}
