using BlindSpot.Core.Catalog;
using BlindSpot.Core.Errors;

namespace BlindSpot.Cli;

/// <summary>Failures a user can act on from their message alone; anything else is a bug and keeps its stack trace.</summary>
internal static class CliErrors
{
    public static bool IsExpected(Exception exception) => exception is
        CatalogException or
        DataErrorException or
        FormatException or
        IOException or
        UnauthorizedAccessException or
        InvalidDataException or
        InvalidOperationException or
        ArgumentException or
        KeyNotFoundException or
        OperationCanceledException or
        Npgsql.NpgsqlException;
}
