using System.Text;

namespace BlindSpot.Bench;

/// <summary>
/// Writes the bench matrices as NumPy .npy float32 files (row-major) for the XGBoost comparison: all.npy (every person),
/// train_x.npy and train_y.npy (labelled household rows). Headers are rewritten with the final row counts on dispose.
/// </summary>
internal sealed class NpyMatrices : IDisposable
{
    private const int HeaderBytes = 128;
    private readonly int width;
    private readonly FileStream all;
    private readonly FileStream trainX;
    private readonly FileStream trainY;
    private long allRows;
    private long trainRows;

    public NpyMatrices(string folder, int width, long expectedRows)
    {
        Directory.CreateDirectory(folder);
        this.width = width;
        all = Open(Path.Combine(folder, "all.npy"));
        trainX = Open(Path.Combine(folder, "train_x.npy"));
        trainY = Open(Path.Combine(folder, "train_y.npy"));
        _ = expectedRows;
    }

    public void Append(float[][] columns, int rows)
    {
        var buffer = new byte[width * 4];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < width; c++)
            {
                BitConverter.TryWriteBytes(buffer.AsSpan(c * 4), columns[c][r]);
            }

            all.Write(buffer);
        }

        allRows += rows;
    }

    public void AddLabelled(float[][] columns, int row, bool label)
    {
        Span<byte> value = stackalloc byte[4];
        for (var c = 0; c < width; c++)
        {
            BitConverter.TryWriteBytes(value, columns[c][row]);
            trainX.Write(value);
        }

        BitConverter.TryWriteBytes(value, label ? 1f : 0f);
        trainY.Write(value);
        trainRows++;
    }

    public void Dispose()
    {
        Header(all, $"({allRows}, {width})");
        Header(trainX, $"({trainRows}, {width})");
        Header(trainY, $"({trainRows},)");
    }

    private static FileStream Open(string path)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write(new byte[HeaderBytes]);
        return stream;
    }

    private static void Header(FileStream stream, string shape)
    {
        var text = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
        var header = text.PadRight(HeaderBytes - 10 - 1) + "\n";
        stream.Position = 0;
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Dispose();
    }
}
