using BlindSpot.Scoring.Batch;

namespace BlindSpot.Scoring.Tests.Batch;

[TestFixture]
internal sealed class ReasonPickerTests
{
    // −1 is the "no record" value of months-since features (FeatureSchema.NoRecordMonthsSince): not something the person has.
    [TestCase("gas_cutoff_months_since_latest", -1f, false)]
    [TestCase("gas_cutoff_months_since_latest", 2f, true)]
    [TestCase("rent_arrears_max_months", 0f, false)]
    [TestCase("rent_arrears_max_months", 3f, true)]
    [TestCase("p_age", float.NaN, false)]
    public void IsPresent_Value_SaysWhetherThePersonHasIt(string feature, float value, bool expected) =>
        Assert.That(ReasonPicker.IsPresent(feature, value), Is.EqualTo(expected));
}
