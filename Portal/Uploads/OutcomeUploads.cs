using BlindSpot.Core.Files;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Outcomes;

namespace BlindSpot.Portal.Uploads;

/// <summary>
/// An officer's outcome upload: the name, type, size and content checked first, then the file handed to Dispatch's
/// <see cref="OutcomeImporter"/> with the officer's 시군구 (rows naming anyone not on the officer's own list all get the
/// same answer), one import at a time per 시군구 and 시군구 at once (the importer's locks, across processes), and the
/// per-row verdicts kept as an <see cref="UploadRecord"/>. A file the importer refuses as a whole (too many rows, a
/// crafted or damaged XLSX, an unreadable encoding) is answered with its Korean reason and audit code.
/// </summary>
public sealed class OutcomeUploads(DataRoot root, PortalOptions options, IUploadStore store, Pseudonymizer pseudonymizer, TimeProvider time)
{
    /// <summary>
    /// An officer uploads one 시군구's worklist, a few thousand rows at the largest: 20,000 leaves room, and bounds what one
    /// request may hold in memory and render on the result page.
    /// </summary>
    public static OutcomeImportLimits Limits { get; } = new() { MaxRows = 20_000 };

    /// <summary>The record of an accepted import, or the refusal.</summary>
    public async Task<(UploadRecord? Record, UploadRefusal? Refusal)> ImportAsync(
        string userName, Quarter quarter, string sigungu, string fileName, Stream content, long length, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (CheckName(fileName) is { } badName)
        {
            return (null, badName);
        }

        if (length <= 0 || length > options.MaxUploadBytes)
        {
            return (null, new UploadRefusal("invalid-size", $"파일 크기는 1바이트 이상 {options.MaxUploadBytes / 1024:N0}KB 이하여야 합니다."));
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct).ConfigureAwait(false);
        if (CheckContent(extension, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } badContent)
        {
            return (null, badContent);
        }

        var id = Guid.NewGuid().ToString("N");
        var incoming = Path.Combine(options.PortalFolder, "incoming");
        // The file on disk is named by the server (id + checked extension); the browser's name is only shown back.
        var path = Path.Combine(incoming, id + extension);
        PrivateFiles.WriteAllBytes(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        OutcomeImportResult result;
        // No gate of our own: the importer serialises one 시군구's imports and lets different 시군구 run at once, across processes.
        try
        {
            result = await new OutcomeImporter(pseudonymizer, time).ImportAsync(root, quarter, path, sigungu, ct, Limits).ConfigureAwait(false);
        }
        catch (OutcomeFileException ex)
        {
            return (null, new UploadRefusal(ex.Reason, ex.Korean));
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or FormatException)
        {
            return (null, new UploadRefusal("invalid-content", "결과 양식이 아닙니다: 내려받은 워크리스트의 마지막 두 열(결과코드, 확인일자)을 채워 올려 주세요."));
        }
        finally
        {
            File.Delete(path);
        }

        var record = new UploadRecord
        {
            Id = id, At = time.GetUtcNow(), UserName = userName, Quarter = quarter.ToString(), SigunguCode = sigungu, FileName = fileName, Rows = result.Rows,
        };
        await store.SaveAsync(record, ct).ConfigureAwait(false);
        return (record, null);
    }

    /// <summary>A name with a folder part, "..", a control character, or another type than .csv/.xlsx is refused.</summary>
    public static UploadRefusal? CheckName(string fileName)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 200 || fileName.Contains("..", StringComparison.Ordinal)
            || fileName.IndexOfAny(['/', '\\', ':']) >= 0 || fileName.Any(char.IsControl))
        {
            return new UploadRefusal("invalid-name", "파일 이름에 경로(/, \\, ..)나 제어 문자가 있어 받을 수 없습니다.");
        }

        return extension is ".csv" or ".xlsx" ? null : new UploadRefusal("invalid-type", "CSV 또는 XLSX 파일만 올릴 수 있습니다.");
    }

    private static UploadRefusal? CheckContent(string extension, ReadOnlySpan<byte> bytes)
    {
        if (extension == ".xlsx")
        {
            // An XLSX is a ZIP package: it starts with a local file header.
            return bytes.StartsWith("PK\u0003\u0004"u8) ? null : new UploadRefusal("invalid-content", "XLSX 파일이 아닙니다 (내용이 엑셀 형식이 아님).");
        }

        // UTF-8 and CP949 are both read (the importer tells them apart and names the encoding when neither fits).
        return bytes.Contains((byte)0) ? new UploadRefusal("invalid-content", "CSV 파일이 아닙니다 (이진 내용).") : null;
    }
}
