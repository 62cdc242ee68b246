using System.Text;
using ActorBroker.Cli;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;
using ActorBroker.Interop.Tests.Harness;

namespace ActorBroker.Interop.Tests;

/// <summary>
/// python3-hl7's real <c>mllp_send --loose --file</c> (Debian python3-hl7) as the EHR: the samples go
/// to a broker running as its own process, and what the broker then shows is read back through the
/// management API and abctl.
/// </summary>
public sealed class Hl7MllpSendInteropTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    [SkippableFact]
    public async Task Each_order_sample_gets_AA_and_the_order_shows_the_right_state_names_and_times()
    {
        var mllpSend = MllpSend.Require();
        var (broker, api) = await fixture.StartedAsync();
        foreach (var (file, controlId) in OrderSampleFlow.Messages)
        {
            var reply = Assert.Single(await MllpSend.SendFileAsync(mllpSend, broker.Hl7Orders, Samples.PathOf(file)));
            Assert.True(reply.Code == AckCode.AA, $"{file}: AA expected, got {reply}");
            Assert.Equal(controlId, reply.Ack.MessageControlId);
            Assert.Empty(reply.Ack.Errors);
            await OrderSampleFlow.VerifyAfterAsync(api, file);
        }

        await OrderSampleFlow.VerifyOrderListAsync(api);

        // abctl --json keeps the accents readable (no \u escapes), from UTF-8 and from 8859/1 input.
        var (exit, json) = await AbctlAsync(broker, "--json", "order", "show", "ACC20002", "--site", "MAINHOSP");
        Assert.True(exit == 0, json);
        Assert.Contains("MÜLLER^JOÃO", json, StringComparison.Ordinal);
        Assert.Contains("\"state\": \"Cancelled\"", json, StringComparison.Ordinal);
        (exit, json) = await AbctlAsync(broker, "--json", "orders", "list");
        Assert.True(exit == 0, json);
        Assert.Contains("NÚÑEZ^JOSÉ^ANTONIO", json, StringComparison.Ordinal);
        Assert.Contains("\"accession\": \"ACC30001\"", json, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(BadSamples))]
    public async Task Each_bad_sample_gets_AE_with_an_ERR_naming_the_field_and_an_exception_record_with_the_raw_bytes(string file, string controlId, string location)
    {
        var mllpSend = MllpSend.Require();
        var (broker, api) = await fixture.StartedAsync();
        var reply = Assert.Single(await MllpSend.SendFileAsync(mllpSend, broker.Hl7Orders, Samples.PathOf(file)));
        await BadSampleChecks.VerifyAsync(api, reply, controlId, location, Samples.AsSentByMllpSendLoose(file));
    }

    public static TheoryData<string, string, string> BadSamples => BadSampleChecks.Cases;

    /// <summary>
    /// bad-no-msh.hl7 cannot go through mllp_send --loose (it prepends "MSH|^~\&amp;|" to whatever it
    /// reads), so its exact bytes go in one MLLP frame from our own client.
    /// </summary>
    [Fact]
    public async Task A_frame_without_MSH_gets_AR_and_an_exception_record_with_the_exact_raw_bytes()
    {
        var (broker, api) = await fixture.StartedAsync();
        var raw = Samples.Bytes("bad-no-msh.hl7");
        AckReply reply;
        await using (var client = await MllpClient.ConnectAsync(broker.Hl7Orders.Address.ToString(), broker.Hl7Orders.Port))
        {
            reply = AckReply.Parse(await client.SendAsync(raw).WaitAsync(TimeSpan.FromSeconds(30)));

            // The connection keeps serving after a frame that is not HL7.
            var next = OrderMessageFactory.New(OrderMessageFactory.NewRunTag(), 99, 1);
            var ok = AckReply.Parse(await client.SendAsync(next.Bytes).WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.True(ok.Code == AckCode.AA, $"the connection should keep serving: {ok}");
        }

        Assert.True(reply.Code == AckCode.AR, $"AR expected: {reply}");
        Assert.Equal("", reply.Ack.MessageControlId);
        var error = Assert.Single(reply.Ack.Errors);
        Assert.Contains("MSH", error.Message, StringComparison.Ordinal);

        var record = await api.WaitForExceptionAsync(
            s => s.Str("ackCode") == "AR" && s.Str("messageControlId") is null,
            d => d.Str("rawBase64") == Convert.ToBase64String(raw),
            "with the exact raw bytes of bad-no-msh.hl7");
        Assert.Equal("hl7:orders", record.Str("source"));
        Assert.Equal(raw.Length, record.GetProperty("rawLength").GetInt32());
        Assert.Equal(Encoding.ASCII.GetString(raw), record.Str("rawText"));
    }

    /// <summary>Several messages in one file, LF line endings, one connection: one AA per message, in order.</summary>
    [SkippableFact]
    public async Task Several_messages_in_one_file_with_LF_line_endings_each_get_AA_on_one_connection()
    {
        var mllpSend = MllpSend.Require();
        var (broker, api) = await fixture.StartedAsync();
        var run = OrderMessageFactory.NewRunTag();
        var orders = Enumerable.Range(0, 3).Select(i => OrderMessageFactory.New(run, 98, i)).ToList();
        using var dir = new TempDirectory("mllp-send");
        var file = dir.File("three-orders.hl7");
        await File.WriteAllTextAsync(file, string.Concat(orders.Select(o => o.Text.Replace('\r', '\n'))), new UTF8Encoding(false));

        var replies = await MllpSend.SendFileAsync(mllpSend, broker.Hl7Orders, file, expectedReplies: 3);
        Assert.All(replies, r => Assert.True(r.Code == AckCode.AA, r.ToString()));
        Assert.Equal(orders.Select(o => o.ControlId), replies.Select(r => r.Ack.MessageControlId));
        foreach (var o in orders)
        {
            var order = await api.WaitForOrderAsync(o.Accession, "MAINHOSP", x => x.EventTypes().Count >= 1, "placed");
            Assert.Equal(["OrderPlaced"], order.EventTypes());
            Assert.Equal(OrderMessageFactory.ScheduledStart, Assert.Single(order.Array("scheduledSteps")).Str("start"));
            Assert.StartsWith("NÚÑEZ^JOSÉ^ANTONIO", order.Str("patient", "name"), StringComparison.Ordinal);
        }
    }

    private static async Task<(int Exit, string Output)> AbctlAsync(BrokerProcess broker, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(["--endpoint", broker.ManagementEndpoint, .. args], stdout, stderr);
        return (exit, stdout + stderr.ToString());
    }
}
