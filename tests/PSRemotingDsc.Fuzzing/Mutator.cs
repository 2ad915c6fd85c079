namespace PSRemotingDsc.Fuzzing;

/// <summary>
/// Makes inputs from seeds the way AFL's havoc stage does, without coverage feedback: each input is one seed with 1–8
/// stacked edits (bit flips, byte changes, inserts and deletes, chunk duplication, splicing with another seed,
/// dictionary tokens, line duplication and removal, deep nesting). The same seed number, seeds, dictionary and nesting
/// pairs give the same inputs in the same order on every machine (<see cref="Random(int)"/> is specified to be stable).
/// </summary>
public sealed class Mutator
{
    private const int EditCount = 12;

    private static readonly byte[] InterestingBytes =
        [0x00, 0x01, 0x7F, 0x80, 0xC0, 0xED, 0xEF, 0xFF, (byte)'\n', (byte)'\r', (byte)' ', (byte)'\t', (byte)'"', (byte)'\'',
         (byte)'\\', (byte)'#', (byte)'=', (byte)'(', (byte)')', (byte)';', (byte)':', (byte)'<', (byte)'>', (byte)'&', (byte)'/'];

    private readonly Random _random;
    private readonly byte[][] _seeds;
    private readonly byte[][] _tokens;
    private readonly (byte[] Open, byte[] Close)[] _nesting;
    private readonly int _maxLength;

    /// <param name="seed">The random seed: one number reproduces the whole sequence.</param>
    /// <param name="seeds">The inputs to start from (a corpus); at least one.</param>
    /// <param name="target">The target whose dictionary and nesting pairs to use.</param>
    /// <param name="maxLength">Inputs are cut to this many bytes.</param>
    public Mutator(int seed, IReadOnlyList<byte[]> seeds, FuzzTarget target, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        _random = new Random(seed);
        _seeds = [.. seeds];
        _tokens = [.. target.Dictionary.Select(Wtf8.Encode)];
        _nesting = [.. target.Nesting.Select(pair => (Wtf8.Encode(pair.Open), Wtf8.Encode(pair.Close)))];
        _maxLength = maxLength;
    }

    /// <summary>The next input.</summary>
    public byte[] Next()
    {
        var data = new List<byte>(_seeds[_random.Next(_seeds.Length)]);
        var edits = 1 + _random.Next(8);
        for (var i = 0; i < edits; i++)
        {
            Edit(data);
            if (data.Count > _maxLength)
            {
                data.RemoveRange(_maxLength, data.Count - _maxLength);
            }
        }

        return [.. data];
    }

    private void Edit(List<byte> data)
    {
        switch (_random.Next(EditCount))
        {
            case 0 when data.Count > 0:
                data[Position(data)] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[Position(data)] = InterestingBytes[_random.Next(InterestingBytes.Length)];
                break;
            case 2 when data.Count > 0:
                data[Position(data)] = (byte)_random.Next(256);
                break;
            case 3:
                data.Insert(InsertPosition(data), _random.Next(2) == 0 ? InterestingBytes[_random.Next(InterestingBytes.Length)] : (byte)_random.Next(256));
                break;
            case 4 when data.Count > 0:
                DeleteRange(data);
                break;
            case 5 when data.Count > 0:
                DuplicateChunk(data);
                break;
            case 6:
                Splice(data);
                break;
            case 7 when _tokens.Length > 0:
                data.InsertRange(InsertPosition(data), _tokens[_random.Next(_tokens.Length)]);
                break;
            case 8 when _tokens.Length > 0 && data.Count > 0:
                OverwriteWithToken(data);
                break;
            case 9 when data.Count > 0:
                EditLine(data);
                break;
            case 10 when _nesting.Length > 0:
                Nest(data);
                break;
            case 11 when data.Count > 0:
                Truncate(data);
                break;
            default:
                data.Insert(InsertPosition(data), (byte)_random.Next(256));
                break;
        }
    }

    private int Position(List<byte> data) => _random.Next(data.Count);

    private int InsertPosition(List<byte> data) => _random.Next(data.Count + 1);

    private void DeleteRange(List<byte> data)
    {
        var start = Position(data);
        data.RemoveRange(start, 1 + _random.Next(Math.Min(32, data.Count - start)));
    }

    private void OverwriteWithToken(List<byte> data)
    {
        var token = _tokens[_random.Next(_tokens.Length)];
        var at = Position(data);
        data.RemoveRange(at, Math.Min(token.Length, data.Count - at));
        data.InsertRange(at, token);
    }

    private void Truncate(List<byte> data)
    {
        var cut = Position(data);
        data.RemoveRange(cut, data.Count - cut);
    }

    private void DuplicateChunk(List<byte> data)
    {
        var start = Position(data);
        var length = 1 + _random.Next(Math.Min(256, data.Count - start));
        var chunk = data.GetRange(start, length);
        data.InsertRange(InsertPosition(data), chunk);
    }

    // A prefix of this input followed by a suffix of another seed.
    private void Splice(List<byte> data)
    {
        var other = _seeds[_random.Next(_seeds.Length)];
        var cut = InsertPosition(data);
        data.RemoveRange(cut, data.Count - cut);
        var from = _random.Next(other.Length + 1);
        data.AddRange(other.AsSpan(from).ToArray());
    }

    // Duplicates or removes the line around a position (lines end at '\n').
    private void EditLine(List<byte> data)
    {
        var position = Position(data);
        var start = data.LastIndexOf((byte)'\n', position) + 1;
        var end = data.IndexOf((byte)'\n', position);
        end = end < 0 ? data.Count : end + 1;
        if (start >= end)
        {
            return;
        }

        if (_random.Next(2) == 0)
        {
            data.InsertRange(start, data.GetRange(start, end - start));
        }
        else
        {
            data.RemoveRange(start, end - start);
        }
    }

    // Opening texts repeated, then (usually) as many closing texts further on: shallow, deep and very deep.
    private void Nest(List<byte> data)
    {
        var (open, close) = _nesting[_random.Next(_nesting.Length)];
        var depth = _random.Next(10) switch
        {
            < 5 => 1 + _random.Next(64),
            < 9 => 64 + _random.Next(1000),
            _ => 1000 + _random.Next(5000),
        };
        depth = Math.Max(1, Math.Min(depth, _maxLength / (open.Length + close.Length)));
        var openAt = InsertPosition(data);
        var closeAt = openAt + _random.Next(data.Count - openAt + 1);
        if (_random.Next(8) != 0)
        {
            var closes = new List<byte>(close.Length * depth);
            for (var i = 0; i < depth; i++)
            {
                closes.AddRange(close);
            }

            data.InsertRange(closeAt, closes);
        }

        var opens = new List<byte>(open.Length * depth);
        for (var i = 0; i < depth; i++)
        {
            opens.AddRange(open);
        }

        data.InsertRange(openAt, opens);
    }
}
