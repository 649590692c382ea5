using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using BlindSpot.Core.Telemetry;
using BlindSpot.Portal.Tests.TestSupport;

namespace BlindSpot.Portal.Tests.Telemetry;

/// <summary>The portal's metrics as a listener sees them: every answered request by status, refused sign-ins by reason.</summary>
[NonParallelizable]
public sealed class PortalMetricsTests
{
    private PortalData data = null!;

    [SetUp]
    public async Task CreateData() => data = await PortalData.CreateAsync();

    [TearDown]
    public void DeleteData() => data?.Dispose();

    [Test]
    public async Task SignIn_WrongPasswordThenRight_CountsOneFailureAndEveryRequest()
    {
        var measured = new ConcurrentQueue<(string Instrument, long Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BlindSpotTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measured.Enqueue((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();
        await using var factory = new PortalFactory(data, database: null);
        using var session = factory.Session();

        using var wrong = await session.SignInAsync("officer-11110", "not-the-password");
        using var right = await session.SignInAsync("officer-11110", PortalFactory.SamplePassword("officer-11110"));

        Assert.Multiple(() =>
        {
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(measured.Where(m => m.Instrument == "blindspot.portal.signin.failures").Select(m => m.Tags), Is.EqualTo(new[] { "reason=wrong-password" }));
            // Each sign-in is a GET of the form and a POST: 401 for the wrong password, 302 for the right one.
            Assert.That(measured.Count(m => m.Instrument == "blindspot.portal.requests" && m.Tags == "method=POST,status=401"), Is.EqualTo(1));
            Assert.That(measured.Count(m => m.Instrument == "blindspot.portal.requests" && m.Tags == "method=POST,status=302"), Is.EqualTo(1));
        });
    }
}
