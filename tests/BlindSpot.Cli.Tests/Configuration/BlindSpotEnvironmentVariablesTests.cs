using BlindSpot.Cli.Configuration;

namespace BlindSpot.Cli.Tests.Configuration;

public sealed class BlindSpotEnvironmentVariablesTests
{
    [TestCase("POSTGRES", "POSTGRES", TestName = "KeyOf_OneWord_Unchanged")]
    [TestCase("PSEUDONYM_KEY", "PSEUDONYMKEY", TestName = "KeyOf_SnakeCase_JoinedSoItMatchesPseudonymKey")]
    [TestCase("PIPELINE__WORKER_COUNT", "PIPELINE:WORKERCOUNT", TestName = "KeyOf_DoubleUnderscore_IsTheSectionDelimiter")]
    public void KeyOf(string name, string expected) =>
        Assert.That(BlindSpotEnvironmentVariables.KeyOf(name), Is.EqualTo(expected));
}
