using System.Text.Json;

namespace BlindSpot.Core.Files;

/// <summary>
/// A small JSON record kept beside the data it describes (a part's or a bucket's checkpoint): written through a
/// temporary file, so a crash leaves the old record or the new one, and read back as null when there is none.
/// </summary>
public static class JsonRecordFile
{
    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> (its folder created) through <c>path.tmp</c>.</summary>
    public static void Save<T>(string path, T value, JsonSerializerOptions options)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(value, options));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The record at <paramref name="path"/>, or null when there is none; a damaged record throws <see cref="JsonException"/>.</summary>
    public static T? Load<T>(string path, JsonSerializerOptions options)
        where T : class =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), options) : null;

    /// <summary>The record at <paramref name="path"/>, or null when there is none or it cannot be read (its part is then done again).</summary>
    public static T? TryLoad<T>(string path, JsonSerializerOptions options)
        where T : class
    {
        try
        {
            return Load<T>(path, options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
