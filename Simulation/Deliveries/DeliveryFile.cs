using System.IO.Compression;
using System.Text;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Simulation.Deliveries;

/// <summary>Opens delivery files: creates the folder, adds <c>.gz</c> and a gzip layer when asked, and encodes headers.</summary>
internal static class DeliveryFile
{
    /// <summary>
    /// Opens <paramref name="path"/> (plus <c>.gz</c> when <paramref name="gzip"/>) for writing. .NET's GZipStream writes
    /// no file name and a zero timestamp, so the same bytes in give the same file out.
    /// </summary>
    public static Stream Create(string path, bool gzip)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStream(gzip ? path + ".gz" : path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        return gzip ? new GZipStream(file, CompressionLevel.Optimal, leaveOpen: false) : file;
    }

    /// <summary>The header row in the delivery's encoding, with a BOM exactly when the encoding declares one.</summary>
    public static byte[] Header(IEnumerable<string> names, DeliveryFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var text = string.Join(format.DelimiterChar, names) + "\r\n";
        var encoding = format.GetEncoding();
        return [.. encoding.GetPreamble(), .. Encode(text, encoding)];
    }

    /// <summary>Text in an encoding, without any BOM.</summary>
    public static byte[] Encode(string text, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return encoding.GetBytes(text);
    }
}
