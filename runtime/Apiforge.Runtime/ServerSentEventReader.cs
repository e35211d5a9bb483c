using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Apiforge.Runtime;

/// <summary>
/// Reads <c>text/event-stream</c> incrementally, as the HTML standard's event stream parsing says: lines end with
/// CRLF, LF or CR; <c>:</c> lines are comments (keep-alives); <c>data:</c> lines of one event are joined with a line
/// feed; a blank line dispatches the event; an event without data is not dispatched; what is pending at the end of
/// the stream is discarded. Memory is bounded: a line or an event's data longer than the limit throws
/// <see cref="InvalidDataException"/> instead of growing.
/// </summary>
public sealed class ServerSentEventReader
{
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    private readonly Stream _stream;
    private readonly int _maxEventSize;
    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;
    private bool _skipLf;
    private bool _firstLine = true;
    private byte[] _line = new byte[256];
    private int _lineLength;
    private readonly StringBuilder _data = new();
    private bool _hasData;
    private int _dataSize;
    private string? _eventType;

    /// <summary>Reads events from <paramref name="stream"/>; a line or an event's data over <paramref name="maxEventSize"/> bytes is refused.</summary>
    public ServerSentEventReader(Stream stream, int maxEventSize)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEventSize, 1);
        _maxEventSize = maxEventSize;
    }

    /// <summary>The last <c>id:</c> the stream set.</summary>
    public string? LastEventId { get; private set; }

    /// <summary>The last <c>retry:</c> the stream set.</summary>
    public TimeSpan? Retry { get; private set; }

    /// <summary>The next event, with its data as text; null at the end of the stream.</summary>
    public async ValueTask<ApiServerSentEvent<string>?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (await ReadLineAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ProcessLine() is { } dispatched) return dispatched;
        }
        return null;
    }

    private ApiServerSentEvent<string>? ProcessLine()
    {
        var offset = 0;
        if (_firstLine)
        {
            _firstLine = false;
            if (_lineLength >= 3 && _line[0] == 0xEF && _line[1] == 0xBB && _line[2] == 0xBF) offset = 3;
        }
        var length = _lineLength - offset;
        if (length == 0) return Dispatch();
        if (_line[offset] == (byte)':') return null;

        var colon = Array.IndexOf(_line, (byte)':', offset, length);
        string field;
        int valueStart;
        if (colon < 0)
        {
            field = Encoding.UTF8.GetString(_line, offset, length);
            valueStart = _lineLength;
        }
        else
        {
            field = Encoding.UTF8.GetString(_line, offset, colon - offset);
            valueStart = colon + 1;
            if (valueStart < _lineLength && _line[valueStart] == (byte)' ') valueStart++;
        }
        var valueLength = _lineLength - valueStart;
        switch (field)
        {
            case "data":
                _dataSize += valueLength + 1;
                if (_dataSize > _maxEventSize) throw TooLong("An event's data");
                if (_hasData) _data.Append('\n');
                _data.Append(Encoding.UTF8.GetString(_line, valueStart, valueLength));
                _hasData = true;
                break;
            case "event":
                _eventType = Encoding.UTF8.GetString(_line, valueStart, valueLength);
                break;
            case "id":
                if (Array.IndexOf(_line, (byte)0, valueStart, valueLength) < 0) LastEventId = Encoding.UTF8.GetString(_line, valueStart, valueLength);
                break;
            case "retry":
                if (valueLength > 0 && valueLength <= 9 && AllDigits(valueStart, valueLength))
                {
                    Retry = TimeSpan.FromMilliseconds(int.Parse(Encoding.ASCII.GetString(_line, valueStart, valueLength), System.Globalization.CultureInfo.InvariantCulture));
                }
                break;
        }
        return null;
    }

    private bool AllDigits(int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (_line[i] < (byte)'0' || _line[i] > (byte)'9') return false;
        }
        return true;
    }

    private ApiServerSentEvent<string>? Dispatch()
    {
        var eventType = string.IsNullOrEmpty(_eventType) ? "message" : _eventType!;
        var hasData = _hasData;
        var data = _data.ToString();
        _data.Clear();
        _hasData = false;
        _dataSize = 0;
        _eventType = null;
        return hasData ? new ApiServerSentEvent<string>(eventType, data, LastEventId, Retry) : null;
    }

    /// <summary>The next line into <c>_line</c>, without its end; false at the end of the stream (a last line without an end is pending data, discarded).</summary>
    private async ValueTask<bool> ReadLineAsync(CancellationToken cancellationToken)
    {
        _lineLength = 0;
        while (true)
        {
            if (_start == _end)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = await _stream.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (read == 0) return false;
                _start = 0;
                _end = read;
            }
            if (_skipLf)
            {
                _skipLf = false;
                if (_buffer[_start] == Lf)
                {
                    _start++;
                    continue;
                }
            }
            var i = _start;
            while (i < _end && _buffer[i] != Cr && _buffer[i] != Lf) i++;
            Append(_start, i - _start);
            if (i == _end)
            {
                _start = _end;
                continue;
            }
            _skipLf = _buffer[i] == Cr;
            _start = i + 1;
            return true;
        }
    }

    private void Append(int start, int count)
    {
        if (count == 0) return;
        if (_lineLength + count > _maxEventSize) throw TooLong("A line");
        if (_lineLength + count > _line.Length)
        {
            var grown = new byte[Math.Min(_maxEventSize, Math.Max(_line.Length * 2, _lineLength + count))];
            Buffer.BlockCopy(_line, 0, grown, 0, _lineLength);
            _line = grown;
        }
        Buffer.BlockCopy(_buffer, start, _line, _lineLength, count);
        _lineLength += count;
    }

    private InvalidDataException TooLong(string what)
        => new($"{what} of the event stream is longer than {_maxEventSize} bytes, the limit (ApiResponse.StreamEventLimit).");
}
