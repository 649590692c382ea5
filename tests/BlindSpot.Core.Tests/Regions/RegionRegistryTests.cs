using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Regions;

namespace BlindSpot.Core.Tests.Regions;

public sealed class RegionRegistryTests
{
    private static readonly RegionRegistry Regions = RegionRegistry.LoadDefault();

    [Test]
    public void Default_Has17SidoAnd229Sigungu()
    {
        Assert.That(Regions.Sido, Has.Count.EqualTo(17));
        Assert.That(Regions.Sigungu, Has.Count.EqualTo(229));
    }

    [Test]
    public void Default_CodesAreUniqueAndPrefixedByTheirSido()
    {
        Assert.That(Regions.Sigungu.Select(s => s.Code), Is.Unique);
        Assert.That(Regions.Sido.Select(s => s.Code), Is.Unique);
        Assert.That(Regions.Sigungu, Has.All.Matches<Sigungu>(s => s.Code.StartsWith(s.Sido, StringComparison.Ordinal)));
    }

    [Test]
    public void Default_UsesCurrentCodes()
    {
        Assert.That(Regions.GetSido("51").NameKo, Is.EqualTo("강원특별자치도")); // 42 until 2023
        Assert.That(Regions.GetSido("52").NameKo, Is.EqualTo("전북특별자치도")); // 45 until 2024
        Assert.That(Regions.GetSigungu("27720").NameKo, Is.EqualTo("군위군")); // moved from 경상북도 to 대구 in 2023
        Assert.That(Regions.GetSigungu("36110").NameKo, Does.StartWith("세종"));
    }

    [Test]
    public void Default_PopulationIsKoreas()
    {
        Assert.That(Regions.TotalPopulation, Is.InRange(49_000_000, 53_000_000));
        Assert.That(Regions.Sigungu.Sum(s => s.Eupmyeondong), Is.InRange(3_300, 3_700));
    }

    [Test]
    public void EupmyeondongCode_IsEightDigitsUnderTheSigungu()
    {
        var jongno = Regions.GetSigungu("11110");

        Assert.That(jongno.EupmyeondongCode(1), Is.EqualTo("11110505"));
        Assert.That(Enumerable.Range(1, jongno.Eupmyeondong).Select(jongno.EupmyeondongCode), Is.Unique);
    }

    [Test]
    public void Load_DuplicateSigunguCode_NamesIt()
    {
        const string json = """
            { "sido": [ { "code": "11", "nameKo": "서울특별시", "nameEn": "Seoul" } ],
              "sigungu": [
                { "code": "11110", "nameKo": "종로구", "nameEn": "Jongno-gu", "sido": "11", "population": 1, "eupmyeondong": 1 },
                { "code": "11110", "nameKo": "중구", "nameEn": "Jung-gu", "sido": "11", "population": 1, "eupmyeondong": 1 } ] }
            """;

        var error = Assert.Throws<CatalogException>(() => RegionRegistry.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "regions.json"));

        Assert.That(error!.Message, Does.StartWith("regions.json:").And.Contain("'11110'").And.Contain("twice"));
    }

    [Test]
    public void Load_SigunguUnderWrongSido_NamesIt()
    {
        const string json = """
            { "sido": [ { "code": "11", "nameKo": "서울특별시", "nameEn": "Seoul" }, { "code": "26", "nameKo": "부산광역시", "nameEn": "Busan" } ],
              "sigungu": [ { "code": "26110", "nameKo": "중구", "nameEn": "Jung-gu", "sido": "11", "population": 1, "eupmyeondong": 1 } ] }
            """;

        var error = Assert.Throws<CatalogException>(() => RegionRegistry.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "regions.json"));

        Assert.That(error!.Message, Does.Contain("26110").And.Contain("code prefix"));
    }
}
