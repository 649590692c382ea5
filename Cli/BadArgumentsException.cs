namespace BlindSpot.Cli;

/// <summary>
/// The command line is wrong in a way only the verb can tell once it has read its options (a value out of range, two
/// options that contradict each other, a required setting missing from both option and environment). Exits 2, like a
/// parse error, so scripts can tell "you called it wrong" from "it ran and failed".
/// </summary>
internal sealed class BadArgumentsException : Exception
{
    public BadArgumentsException(string message)
        : base(message)
    {
    }

    public BadArgumentsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BadArgumentsException()
    {
    }

    /// <summary>Runs an options object's own validation; its <see cref="ArgumentException"/> becomes a bad-arguments exit.</summary>
    public static void Check(Action validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            throw new BadArgumentsException(ex.Message, ex);
        }
    }

    /// <summary>
    /// Runs a step whose <see cref="ArgumentException"/>s can only come from what the user gave (the account rules of
    /// <c>users add</c>); other failures pass through as failures.
    /// </summary>
    public static async Task CheckAsync(Func<Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw new BadArgumentsException(ex.Message, ex);
        }
    }
}
