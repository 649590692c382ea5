using System.Runtime.CompilerServices;
using BlindSpot.Core.Errors;

namespace BlindSpot.Core.Files;

/// <summary>
/// The one seam between the stages' Parquet readers and the operator: a read that fails inside Parquet.Net ("Value to
/// add was out of range", "Incomplete Snappy block", a cut-short footer) comes out as a <see cref="DataErrorException"/>
/// naming the file and what was being read, never as a bare library message, and is not retried (the file is damaged,
/// reading it again fails the same way). Errors that already name the file (the readers' own schema checks), a missing
/// file, a permission fault and cancellation keep their type, so the stages' existing classification still applies.
/// </summary>
public static class ParquetFiles
{
    /// <summary>Runs <paramref name="read"/> (which opens and reads <paramref name="path"/>) and converts a library failure.</summary>
    /// <param name="path">The file read, as the message should name it (relative to the data root where the caller has it).</param>
    /// <param name="what">What the file is, for the message: "the roster", "a features part", "the scores".</param>
    /// <param name="read">The read; it is awaited once.</param>
    public static async Task<T> ReadAsync<T>(string path, string what, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDamage(ex, path))
        {
            throw Damaged(path, what, ex);
        }
    }

    /// <summary>Runs <paramref name="read"/> (which opens and reads <paramref name="path"/>) and converts a library failure.</summary>
    public static Task ReadAsync(string path, string what, Func<Task> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return ReadAsync(path, what, async () =>
        {
            await read().ConfigureAwait(false);
            return true;
        });
    }

    /// <summary>Enumerates <paramref name="items"/> (a reader streaming <paramref name="path"/>), converting a library failure at any row group.</summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(string path, string what, IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var enumerator = items.GetAsyncEnumerator(ct);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                // An iterator cannot yield inside a try with a catch, so only the step is guarded.
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (IsDamage(ex, path))
                {
                    throw Damaged(path, what, ex);
                }

                yield return enumerator.Current;
            }
        }
    }

    /// <summary>The error a damaged <paramref name="path"/> gives; public for readers that cannot route through <see cref="ReadAsync{T}(string, string, Func{Task{T}})"/>.</summary>
    public static DataErrorException Damaged(string path, string what, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return new DataErrorException(
            $"{path}: cannot read {what}: the Parquet file is damaged or incomplete ({cause.GetType().Name}: {cause.Message}). Write it again by re-running the stage that produces it.",
            cause);
    }

    private static bool IsDamage(Exception ex, string path) => ex switch
    {
        OperationCanceledException or DataErrorException or FileNotFoundException or DirectoryNotFoundException
            or UnauthorizedAccessException or OutOfMemoryException => false,
        // The readers' own checks (a missing column, a bad rank) already say which file and what to do.
        _ => !ex.Message.Contains(path, StringComparison.Ordinal),
    };
}
