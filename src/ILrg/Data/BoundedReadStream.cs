using System.Globalization;

namespace ILrg.Data;

/// <summary>A read-only view of a stream that throws <see cref="InvalidDataException"/> once more than a set number of
/// bytes has been read, so that a decompression bomb costs bounded time and memory.</summary>
internal sealed class BoundedReadStream(Stream inner, long limit, string what) : Stream
{
    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        BytesRead += n;
        if (BytesRead > limit)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{what} unpacks to more than {limit} bytes (the reader's limit)"));
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
