using ActorBroker.Hl7;
using ActorBroker.Interop.Tests.Harness;

namespace ActorBroker.Interop.Tests;

/// <summary>
/// Node's node-hl7-client 3.2.0 as the EHR (Peers/hl7-send.js): the order samples and the bad
/// samples against a broker running as its own process.
/// </summary>
public sealed class Hl7NodeClientInteropTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    [SkippableFact]
    public async Task Each_order_sample_gets_AA_and_the_order_shows_the_right_state_names_and_times()
    {
        var node = NodeHl7Send.Require();
        var (broker, api) = await fixture.StartedAsync();
        foreach (var (file, controlId) in OrderSampleFlow.Messages)
        {
            var (result, reply) = await NodeHl7Send.SendFileAsync(node, broker.Hl7Orders, Samples.PathOf(file));
            Assert.True(reply.Code == AckCode.AA, $"{file}: AA expected, got {reply}\n{result}");
            Assert.Equal(controlId, reply.Ack.MessageControlId);
            await OrderSampleFlow.VerifyAfterAsync(api, file);
        }

        await OrderSampleFlow.VerifyOrderListAsync(api);
    }

    [SkippableTheory]
    [MemberData(nameof(BadSamples))]
    public async Task Each_bad_sample_gets_AE_with_an_ERR_naming_the_field_and_an_exception_record_with_the_raw_bytes(string file, string controlId, string location)
    {
        var node = NodeHl7Send.Require();
        var (broker, api) = await fixture.StartedAsync();
        var (result, reply) = await NodeHl7Send.SendFileAsync(node, broker.Hl7Orders, Samples.PathOf(file));
        Assert.True(result.ExitCode == 1, "hl7-send.js exits 1 on a negative ACK: " + result);

        // hl7-send.js sends the file's segments joined by CR, without the trailing terminator.
        await BadSampleChecks.VerifyAsync(api, reply, controlId, location, Samples.AsSentByMllpSendLoose(file));
    }

    public static TheoryData<string, string, string> BadSamples => BadSampleChecks.Cases;
}
