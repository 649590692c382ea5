namespace BlindSpot.Core.Regions;

/// <summary>A 시도 (province or metropolitan city): two-digit code such as <c>11</c> for 서울특별시.</summary>
public sealed record Sido(string Code, string NameKo, string NameEn);
