using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using BlindSpot.Core.Keys;

namespace BlindSpot.Core.Tests.Keys;

public sealed class PseudonymizerTests
{
    private const string Number = "900101-1234568";

    [Test]
    public void Person_SameKey_IsStable()
    {
        var first = Pseudonymizer.ForSampleData().Person(Number);
        var second = Pseudonymizer.ForSampleData().Person(Number);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Person_ReusedHmac_MatchesOneShotHmacOfDomainAndNumber()
    {
        // Pins the pseudonym to its definition, so caching the HMAC per thread can never change a key.
        var key = Encoding.UTF8.GetBytes(Pseudonymizer.SampleKey);
        var expected = BinaryPrimitives.ReadInt64BigEndian(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("P" + Number)));

        var keys = Enumerable.Range(0, 4).AsParallel().Select(_ => Pseudonymizer.ForSampleData().Person(Number).Value).ToList();

        Assert.That(keys, Is.All.EqualTo(expected));
    }

    [Test]
    public void Person_DifferentKeys_Differ()
    {
        var sample = Pseudonymizer.ForSampleData().Person(Number);
        var other = new Pseudonymizer(Encoding.UTF8.GetBytes(new string('k', 40))).Person(Number);

        Assert.That(other, Is.Not.EqualTo(sample));
    }

    [Test]
    public void PersonAndHousehold_SameText_DoNotCollide()
    {
        var pseudonymizer = Pseudonymizer.ForSampleData();

        Assert.That(pseudonymizer.Household(Number).Value, Is.Not.EqualTo(pseudonymizer.Person(Number).Value));
    }

    [Test]
    public void Person_DistinctNumbers_GiveDistinctKeys()
    {
        var pseudonymizer = Pseudonymizer.ForSampleData();
        var keys = Enumerable.Range(0, 20_000)
            .Select(i => pseudonymizer.Person(ResidentNumber.Create(new DateOnly(1950, 1, 1).AddDays(i % 3000), i % 2 == 0, i)).Value)
            .ToHashSet();

        Assert.That(keys, Has.Count.EqualTo(20_000));
    }

    [Test]
    public void ToString_IsSixteenHexDigitsWithoutTheNumber()
    {
        var text = Pseudonymizer.ForSampleData().Person(Number).ToString();

        Assert.That(text, Does.Match("^[0-9a-f]{16}$"));
        Assert.That(text, Does.Not.Contain("900101"));
    }

    [Test]
    public void Constructor_ShortKey_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => _ = new Pseudonymizer(new byte[16]));

        Assert.That(error!.Message, Does.Contain("at least 32 bytes"));
    }

    [Test]
    public void IsSampleKey_TellsTheSampleKeyApart()
    {
        Assert.That(Pseudonymizer.ForSampleData().IsSampleKey, Is.True);
        Assert.That(new Pseudonymizer(new byte[32]).IsSampleKey, Is.False);
    }

    [Test]
    public void DeriveKey_IsHmacOfItsPurpose_DiffersByPurposeAndSecret()
    {
        var sample = Pseudonymizer.ForSampleData();
        var other = new Pseudonymizer(new byte[32]);

        var key = sample.DeriveKey("portal-audit");

        Assert.That(key, Is.EqualTo(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Pseudonymizer.SampleKey), Encoding.UTF8.GetBytes("derive:portal-audit"))));
        Assert.That(sample.DeriveKey("another-use"), Is.Not.EqualTo(key));
        Assert.That(other.DeriveKey("portal-audit"), Is.Not.EqualTo(key));
    }
}
