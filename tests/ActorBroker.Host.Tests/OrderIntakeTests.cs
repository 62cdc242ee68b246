using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ActorBroker.Cli;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.Host.Tests;

/// <summary>
/// The whole broker in-process: the sample messages over real MLLP, answers read back through the
/// management API and abctl, journal on SQLite in a temp folder.
/// </summary>
public sealed class OrderIntakeTests : IAsyncLifetime
{
    private InProcessBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await InProcessBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    private async Task<Hl7Ack> SendAsync(byte[] message)
    {
        await using var client = await MllpClient.ConnectAsync("127.0.0.1", _broker.Hl7Orders.Port);
        var reply = await client.SendAsync(message).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(Hl7Ack.TryParse(Hl7Message.Parse(reply), out var ack));
        return ack;
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://{_broker.Management}") };
        return await http.GetFromJsonAsync<JsonElement>(path);
    }

    // Orders are applied right after the ACK (from the inbound log): wait until the read side shows it.
    private async Task<JsonElement> EventuallyAsync(string path, Func<JsonElement, bool> ready)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://{_broker.Management}") };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await http.GetAsync(path);
            if (response.IsSuccessStatusCode)
            {
                var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (ready(json))
                {
                    return json;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{path} did not reach the expected state within 30 s");
            }

            // Polling the public API the way an operator would; there is no push to await here.
            await Task.Delay(50);
        }
    }

    private async Task<(int Exit, string Out)> AbctlAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(["--endpoint", _broker.Management.ToString(), .. args], stdout, stderr);
        return (exit, stdout + stderr.ToString());
    }

    [Fact]
    public async Task The_order_samples_are_acked_and_show_the_right_state_names_and_times()
    {
        foreach (var name in new[] { "orm-o01-new-ct.hl7", "orm-o01-new-mr-latin1.hl7", "orm-o01-change-time.hl7", "orm-o01-cancel.hl7", "omi-o23-two-steps.hl7" })
        {
            var ack = await SendAsync(Sample(name));
            Assert.True(ack.AckCode == AckCode.AA, $"{name}: {ack.AckCode} {ack.Text}");
        }

        var ct = await EventuallyAsync("/api/orders/ACC20001", o => o.GetProperty("events").GetArrayLength() == 2);
        Assert.Equal("Scheduled", ct.GetProperty("state").GetString());
        Assert.StartsWith("NÚÑEZ^JOSÉ^ANTONIO", ct.GetProperty("patient").GetProperty("name").GetString(), StringComparison.Ordinal);
        var step = ct.GetProperty("scheduledSteps")[0];
        Assert.Equal(("20261128", "103000", "-0600"), (step.GetProperty("startDate").GetString(), step.GetProperty("startTime").GetString(), step.GetProperty("timezoneOffset").GetString()));
        Assert.Equal(2, ct.GetProperty("events").GetArrayLength());

        var mr = await EventuallyAsync("/api/orders/ACC20002?site=MAINHOSP", o => o.GetProperty("state").GetString() == "Cancelled");
        Assert.Equal("Cancelled", mr.GetProperty("state").GetString());
        Assert.Equal("MÜLLER^JOÃO", mr.GetProperty("patient").GetProperty("name").GetString());
        Assert.Equal(0, mr.GetProperty("worklistItems").GetArrayLength());

        var omi = await EventuallyAsync("/api/orders/ACC30001", _ => true);
        Assert.Equal("NORTHCLINIC", omi.GetProperty("site").GetString());
        Assert.Equal(["SPS30001A", "SPS30001B"], omi.GetProperty("scheduledSteps").EnumerateArray().Select(s => s.GetProperty("spsId").GetString()));
        Assert.Equal("ØSTERGÅRD^LÆRKE", omi.GetProperty("patient").GetProperty("name").GetString());

        // abctl sees the same, with accents intact in JSON and aligned tables for humans.
        await EventuallyAsync("/api/orders", l => l.GetProperty("total").GetInt32() == 3);
        var (exit, json) = await AbctlAsync("orders", "list", "--json");
        Assert.Equal(0, exit);
        Assert.Contains("\"accession\": \"ACC30001\"", json, StringComparison.Ordinal);
        Assert.Contains("NÚÑEZ", json, StringComparison.Ordinal);
        var (showExit, show) = await AbctlAsync("order", "show", "ACC20001");
        Assert.Equal(0, showExit);
        Assert.Contains("OrderChanged", show, StringComparison.Ordinal);
        Assert.Equal(1, (await AbctlAsync("order", "show", "NOSUCH")).Exit);

        // Everything applied: the listener's backlog (ACKed, not yet applied) is empty and applying runs.
        var listener = await EventuallyAsync("/api/interfaces/orders", i => i.GetProperty("queueDepth").GetInt32() == 0);
        Assert.Equal("running", listener.GetProperty("applying").GetString());
        Assert.True(listener.GetProperty("applied").GetInt64() >= 4);
    }

    [Fact]
    public async Task The_same_message_twice_gets_the_same_answer_and_changes_nothing()
    {
        var first = await SendAsync(Sample("orm-o01-new-ct.hl7"));
        var second = await SendAsync(Sample("orm-o01-new-ct.hl7"));
        Assert.Equal(AckCode.AA, first.AckCode);
        Assert.Equal(AckCode.AA, second.AckCode);
        Assert.Equal(first.MessageControlId, second.MessageControlId);
        var order = await EventuallyAsync("/api/orders/ACC20001", _ => true);
        Assert.Equal(1, order.GetProperty("events").GetArrayLength());
        var list = await EventuallyAsync("/api/orders", _ => true);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("bad-truncated.hl7", AckCode.AE, "OBR-18")]
    [InlineData("bad-unknown-order-control.hl7", AckCode.AE, "ORC-1")]
    public async Task Bad_messages_get_a_negative_ack_naming_the_field_and_an_exception_record(string sample, AckCode expected, string location)
    {
        var ack = await SendAsync(Sample(sample));
        Assert.Equal(expected, ack.AckCode);
        var err = Assert.Single(ack.Errors);
        Assert.Equal(location, err.Location?.ToString());

        var list = await EventuallyAsync("/api/exceptions", l => l.GetProperty("exceptions").GetArrayLength() > 0);
        var record = Assert.Single(list.GetProperty("exceptions").EnumerateArray());
        Assert.Equal(location, record.GetProperty("location").GetString());
        var detail = await GetAsync("/api/exceptions/" + record.GetProperty("id").GetString());
        Assert.Equal(Sample(sample), Convert.FromBase64String(detail.GetProperty("rawBase64").GetString()!));

        // The connection and the broker keep serving.
        Assert.Equal(AckCode.AA, (await SendAsync(Sample("orm-o01-new-ct.hl7"))).AckCode);
    }

    [Fact]
    public async Task A_change_for_an_order_that_does_not_exist_is_acked_then_raised_as_an_exception()
    {
        // The AA means "journaled"; the order refuses the change afterwards, and that is kept and shown.
        Assert.Equal(AckCode.AA, (await SendAsync(Sample("orm-o01-change-time.hl7"))).AckCode);
        var list = await EventuallyAsync("/api/exceptions", l => l.GetProperty("exceptions").GetArrayLength() > 0);
        var record = list.GetProperty("exceptions")[0];
        Assert.Equal("ORC-2", record.GetProperty("location").GetString());
        Assert.Equal("MSG000003", record.GetProperty("messageControlId").GetString());
    }

    [Fact]
    public async Task A_frame_that_is_not_hl7_gets_AR_and_its_raw_bytes_are_kept()
    {
        var junk = Encoding.ASCII.GetBytes("HELLO|this is not HL7\r");
        var ack = await SendAsync(junk);
        Assert.Equal(AckCode.AR, ack.AckCode);
        var list = await EventuallyAsync("/api/exceptions", l => l.GetProperty("exceptions").GetArrayLength() > 0);
        var id = list.GetProperty("exceptions")[0].GetProperty("id").GetString();
        var detail = await GetAsync("/api/exceptions/" + id);
        Assert.Equal(junk, Convert.FromBase64String(detail.GetProperty("rawBase64").GetString()!));
        Assert.Equal(0, (await AbctlAsync("exceptions", "show", id!)).Exit);
    }

    [Fact]
    public async Task Health_reports_the_bound_listener_the_exception_store_and_an_unreachable_EHR_as_degraded()
    {
        var health = await GetAsync("/api/health");
        // The exception store (a cluster singleton) answers: Akka's own proxy warning is off, this says it instead.
        var exceptions = health.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "exceptions");
        Assert.Equal("ready", exceptions.GetProperty("status").GetString());
        // Nothing listens on the EHR destination (127.0.0.1:2576) in this test: the node says so.
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        var ehr = health.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "outbound:ehr");
        Assert.NotEqual("connected", ehr.GetProperty("status").GetString());
        Assert.Equal("sqlite", health.GetProperty("journal").GetString());
        Assert.Equal(_broker.Hl7Orders.ToString(), health.GetProperty("components")[0].GetProperty("endpoint").GetString());
    }
}
