using System.Reflection;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Worklist;

namespace ActorBroker.Domain.Tests.Orders;

/// <summary>
/// The records with lists have hand-written Equals (records compare lists by reference). This
/// guards them: changing any one constructor argument must make the values unequal, so a member
/// added later and forgotten in Equals fails here.
/// </summary>
public sealed class ValueEqualityTests
{
    public static TheoryData<string> Types() => ["OrderDetails", "PatientIdentity", "OrderSnapshot", "OrderSnapshotWithHistory", "WorklistItem", "ReportContent", "StudySnapshot", "StudyMppsRecorded", "RecordStudyMpps"];

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_member_takes_part_in_equality(string typeName)
    {
        var original = Sample(typeName);
        var type = original.GetType();
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = ctor.GetParameters();
        var args = parameters.Select(p => type.GetProperty(p.Name!)!.GetValue(original)).ToArray();

        var copy = ctor.Invoke(args);
        Assert.Equal(original, copy);
        Assert.Equal(original.GetHashCode(), copy.GetHashCode());

        for (var i = 0; i < parameters.Length; i++)
        {
            var changed = (object?[])args.Clone();
            changed[i] = Other(parameters[i].ParameterType, args[i]);
            Assert.NotEqual(original, ctor.Invoke(changed));
        }
    }

    [Fact]
    public void Lists_compare_by_content()
    {
        var a = OrderFixtures.Details();
        var b = a with { ScheduledSteps = a.ScheduledSteps.ToList(), Patient = a.Patient with { OtherPatientIds = a.Patient.OtherPatientIds.ToList() } };

        Assert.NotSame(a.ScheduledSteps, b.ScheduledSteps);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    private static object Sample(string name) => name switch
    {
        "OrderDetails" => OrderFixtures.Details(),
        "PatientIdentity" => OrderFixtures.Details().Patient,
        "OrderSnapshot" => OrderFixtures.InState(OrderState.Scheduled),
        // Non-empty lists, so dropping an element (not only adding one) must show too.
        "OrderSnapshotWithHistory" => LifecycleFixtures.In(Fixture.CompletedByMpps) with
        {
            Reports = [LifecycleFixtures.Report("F")],
            AwaitingSteps = [new ProcedureStepAwaitingOrder(OrderFixtures.Key, TestSites.Message("K1"), LifecycleFixtures.Step("9.9", MppsStatus.InProgress))],
            AwaitingReports = [new ReportAwaitingOrder(OrderFixtures.Key, TestSites.Message("K2"), LifecycleFixtures.Report("P"))],
        },
        "ReportContent" => LifecycleFixtures.Report("F"),
        "StudySnapshot" => Studies.StudyFixtures.WithOneMpps(),
        "StudyMppsRecorded" => Studies.StudyFixtures.Recorded(),
        "RecordStudyMpps" => Studies.StudyFixtures.Command(),
        "WorklistItem" => WorklistProjection.ItemsFor(OrderFixtures.InState(OrderState.Scheduled), TestSites.MainHosp)[0],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static object? Other(Type type, object? value)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            string s => s + "x",
            long l => l + 1,
            bool b => !b,
            DateTimeOffset d => d.AddSeconds(1),
            OrderState s => s == OrderState.Scheduled ? OrderState.Held : OrderState.Scheduled,
            StudyUidOrigin o => o == StudyUidOrigin.Message ? StudyUidOrigin.Derived : StudyUidOrigin.Message,
            PatientIdentity p => p with { PatientId = p.PatientId + "x" },
            OrderDetails d => d with { Comments = d.Comments + "x" },
            RequestedProcedure r => r with { Id = r.Id + "x" },
            CodedEntry c => c with { Value = c.Value + "x" },
            OrderKey k => k with { Accession = k.Accession + "x" },
            MessageRef m => m with { MessageControlId = m.MessageControlId + "x" },
            int i => i + 1,
            IReadOnlyList<ScheduledStep> steps => steps.Concat(steps).ToList(),
            IReadOnlyList<OtherPatientId> ids => ids.Append(new OtherPatientId("1", "X")).ToList(),
            IReadOnlyList<string> ids => ids.Append("x").ToList(),
            IReadOnlyList<PerformedStep> steps => steps.Count > 0 ? steps.Skip(1).ToList() : [LifecycleFixtures.Step("9.8", MppsStatus.Completed)],
            IReadOnlyList<ActorBroker.Domain.Reports.ReportContent> reports => reports.Count > 0 ? reports.Skip(1).ToList() : [LifecycleFixtures.Report("C")],
            IReadOnlyList<ProcedureStepAwaitingOrder> kept => kept.Count > 0 ? kept.Skip(1).ToList() : [new ProcedureStepAwaitingOrder(OrderFixtures.Key, TestSites.Message("K3"), LifecycleFixtures.Step("9.7", MppsStatus.InProgress))],
            IReadOnlyList<ReportAwaitingOrder> kept => kept.Count > 0 ? kept.Skip(1).ToList() : [new ReportAwaitingOrder(OrderFixtures.Key, TestSites.Message("K4"), LifecycleFixtures.Report("F"))],
            IReadOnlyList<ActorBroker.Domain.Studies.StudyMpps> mpps => mpps.Count > 0 ? mpps.Skip(1).ToList() : [Studies.StudyFixtures.Mpps("9.6", MppsStatus.InProgress)],
            IReadOnlyList<ActorBroker.Domain.Studies.StudySeries> series => series.Count > 0 ? series.Skip(1).ToList() : [new ActorBroker.Domain.Studies.StudySeries("9.5", "AX", 3)],
            IReadOnlyList<OrderKey> keys => keys.Count > 0 ? keys.Skip(1).ToList() : [new OrderKey("MAINHOSP", "ACCX")],
            null when underlying == typeof(DateTimeOffset) => DateTimeOffset.UnixEpoch,
            null when underlying == typeof(CodedEntry) => new CodedEntry("1", "2", "3"),
            null when underlying == typeof(OrderDetails) => OrderFixtures.Details(),
            null when underlying == typeof(MessageRef) => TestSites.Message("X"),
            _ => throw new InvalidOperationException($"no 'other' value for {type} ({value})"),
        };
    }
}
