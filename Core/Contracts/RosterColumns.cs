namespace BlindSpot.Core.Contracts;

/// <summary>
/// The columns of the roster's bucket files (<c>roster/&lt;Q&gt;/bucket=NNN/part-0.parquet</c>), in file order after the keys (<see cref="KeyColumns"/>): Ingestion writes
/// them; Features, Dispatch and Ingestion's own key index read them through <see cref="RosterFileReader"/>. Sorted by 시군구, household, person.
/// </summary>
public static class RosterColumns
{
    public const string PersonKey = KeyColumns.PersonKey;
    public const string HouseholdKey = KeyColumns.HouseholdKey;
    public const string IsHead = "is_head";
    public const string SigunguCode = KeyColumns.SigunguCode;
    public const string EupmyeondongCode = KeyColumns.EupmyeondongCode;
    public const string BirthDate = "birth_date";

    /// <summary>Age at the quarter's last day (INT32).</summary>
    public const string Age = "age";
    public const string Sex = "sex";
    public const string Disability = "disability";
    public const string BasicLivelihood = "basic_livelihood";
    public const string OtherBenefit = "other_benefit";

    /// <summary>R (resident), M (moved out), D (deceased).</summary>
    public const string Status = "status";
    public const string StatusDate = "status_date";
}
