using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>
/// Reads a stream of JSON texts one record at a time: JSON Lines / NDJSON (<c>application/jsonl</c>,
/// <c>application/x-ndjson</c>: one per line, CRLF or LF) or JSON text sequences (<c>application/json-seq</c>, RFC 7464:
/// each record starts with the RS character and ends with a line feed). A record is handed over at its line feed, not
/// only when the next one starts, so a JSON text of a sequence must stay on one line. Blank records are skipped. Memory is bounded: a record longer than the
/// limit throws <see cref="InvalidDataException"/> instead of growing.
/// </summary>
public sealed class JsonLinesReader
{
    private const byte RecordSeparator = 0x1E;

    private readonly Stream _stream;
    private readonly int _maxRecordSize;
    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;
    private bool _ended;
    private byte[] _record = new byte[256];
    private int _recordLength;

    /// <summary>Reads records from <paramref name="stream"/>; a record over <paramref name="maxRecordSize"/> bytes is refused. The RS that starts an RFC 7464 record is skipped as whitespace.</summary>
    public JsonLinesReader(Stream stream, int maxRecordSize)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordSize, 1);
        _maxRecordSize = maxRecordSize;
    }

    /// <summary>The next record's UTF-8 bytes, whitespace trimmed; null at the end of the stream.</summary>
    public async ValueTask<ArraySegment<byte>?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var complete = await ReadRecordAsync(cancellationToken).ConfigureAwait(false);
            var first = 0;
            var last = _recordLength;
            while (first < last && IsSpace(_record[first])) first++;
            while (last > first && IsSpace(_record[last - 1])) last--;
            if (last > first) return new ArraySegment<byte>(_record, first, last - first);
            if (!complete) return null;
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or RecordSeparator;

    /// <summary>The next record into <c>_record</c>; false when the stream ended (what was read is the last record).</summary>
    private async ValueTask<bool> ReadRecordAsync(CancellationToken cancellationToken)
    {
        _recordLength = 0;
        if (_ended) return false;
        while (true)
        {
            if (_start == _end)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = await _stream.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    _ended = true;
                    return false;
                }
                _start = 0;
                _end = read;
            }
            var index = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = index < 0 ? _end : index;
            Append(_start, stop - _start);
            if (index < 0)
            {
                _start = _end;
                continue;
            }
            _start = index + 1;
            return true;
        }
    }

    private void Append(int start, int count)
    {
        if (count == 0) return;
        if (_recordLength + count > _maxRecordSize)
        {
            throw new InvalidDataException($"A record of the JSON stream is longer than {_maxRecordSize} bytes, the limit (ApiResponse.StreamEventLimit).");
        }
        if (_recordLength + count > _record.Length)
        {
            var grown = new byte[Math.Min(_maxRecordSize, Math.Max(_record.Length * 2, _recordLength + count))];
            Buffer.BlockCopy(_record, 0, grown, 0, _recordLength);
            _record = grown;
        }
        Buffer.BlockCopy(_buffer, start, _record, _recordLength, count);
        _recordLength += count;
    }
}
