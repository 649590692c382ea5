using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Register;

/// <summary>
/// A case a 시군구 works that Dispatch did not put on the quarter's worklist: its case id, 시군구, the person's pseudonym,
/// the variant it is worked under and how it was selected (<see cref="MunicipalRegister.Carried"/>,
/// <see cref="MunicipalRegister.Report"/>). Immutable.
/// </summary>
public sealed record MunicipalCase(string CaseId, string SigunguCode, long PersonKey, Variant Variant, string SelectedBy);
