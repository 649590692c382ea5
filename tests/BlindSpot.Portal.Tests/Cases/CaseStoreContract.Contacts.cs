using BlindSpot.Portal.Cases;

namespace BlindSpot.Portal.Tests.Cases;

/// <summary>Contacts of cases without a worklist row (<c>case_contacts</c>, migration 009).</summary>
public abstract partial class CaseStoreContract
{
    [Test]
    public async Task SetContactsAsync_KeepsAndReplacesThem_NoneForAnUnknownCaseOrBeforeSet()
    {
        await store.AddAsync(Some.Cases("11110", 2), "system", At, CancellationToken.None);

        var set = await store.SetContactsAsync(Some.Id("11110", 1), "서울 종로구 율곡로 12", "010-1000-0012", CancellationToken.None);
        var replaced = await store.SetContactsAsync(Some.Id("11110", 1), "서울 종로구 세종대로 1", "010-2000-0001", CancellationToken.None);
        var unknown = await store.SetContactsAsync("2026Q3-11110-K-999999", "어딘가", "010", CancellationToken.None);

        Assert.That((set, replaced, unknown), Is.EqualTo((true, true, false)));
        Assert.That(await store.ContactsAsync(Some.Id("11110", 1), CancellationToken.None), Is.EqualTo(("서울 종로구 세종대로 1", "010-2000-0001")));
        Assert.That(await store.ContactsAsync(Some.Id("11110", 2), CancellationToken.None), Is.Null, "none kept for this case");
        Assert.That(await store.ContactsAsync("2026Q3-11110-K-999999", CancellationToken.None), Is.Null);
    }
}
