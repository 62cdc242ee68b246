namespace ActorBroker.Cli.Tests.Support;

/// <summary>Answers exactly as the management API contract describes them (camelCase, UTF-8, not \u-escaped).</summary>
internal static class ContractJson
{
    public const string Health = """
        {"status":"ok","node":"broker-1","version":"1.2.0","uptimeSeconds":7384.4,"journal":"sqlite","components":[{"name":"hl7:orders","status":"listening","endpoint":"127.0.0.1:2575"},{"name":"dicom:mwl","status":"starting","endpoint":"127.0.0.1:11112"}]}
        """;

    public const string Orders = """
        {"orders":[
          {"site":"MAINHOSP","accession":"ACC20001","state":"Scheduled","patientId":"E1000001","patientName":"NÚÑEZ^JOSÉ^ANTONIO^^SR.","modality":"CT","stationAeTitle":"CT01","scheduledStart":"2026-11-28T10:30:00-06:00","placerOrderNumber":"PL20001","updatedAt":"2026-11-28T14:50:00+00:00"},
          {"site":"NORTHCLINIC","accession":"ACC3","state":"InProgress","patientId":"E77","patientName":"LI^WEI","modality":"MR","stationAeTitle":"MR01","scheduledStart":"2026-11-29T08:00:00-06:00","placerOrderNumber":"PL3","updatedAt":"2026-11-29T13:01:02+00:00"}
        ],"total":2}
        """;

    public const string Order = """
        {"site":"MAINHOSP","accession":"ACC20001","state":"Scheduled","placerOrderNumber":"PL20001","fillerOrderNumber":"FL20001",
         "patient":{"patientId":"E1000001","issuer":"MAINHOSP","name":"NÚÑEZ^JOSÉ^ANTONIO^^SR.","birthDate":"19600501","sex":"M"},
         "worklistItems":[{"spsId":"SPS20001","modality":"CT","stationAeTitle":"CT01","startDate":"20261128","startTime":"103000","timezoneOffset":"-0600","description":"CT HEAD W/O CONTRAST","status":"SCHEDULED"}],
         "events":[
           {"sequenceNr":1,"timestamp":"2026-11-28T14:45:00+00:00","type":"OrderPlaced","messageControlId":"MSG000001","summary":"NW from EPIC: CT HEAD W/O CONTRAST"},
           {"sequenceNr":12,"timestamp":"2026-11-28T14:50:00+00:00","type":"OrderRescheduled","messageControlId":"MSG000002","summary":"start 10:30 → 11:00"}
         ]}
        """;

    public const string Exceptions = """
        {"exceptions":[
          {"id":"EX-000001","timestamp":"2026-11-28T15:00:00+00:00","source":"hl7:orders","reason":"unknown order control 'XX'","location":"ORC-1","messageType":"ORM^O01","messageControlId":"MSGBAD3","ackCode":"AE"},
          {"id":"EX-000002","timestamp":"2026-11-28T15:01:00+00:00","source":"hl7:orders","reason":"no MSH segment","location":null,"messageType":null,"messageControlId":null,"ackCode":"AR"}
        ],"total":2}
        """;

    public const string Exception = """
        {"id":"EX-000001","timestamp":"2026-11-28T15:00:00+00:00","source":"hl7:orders","reason":"unknown order control 'XX'","location":"ORC-1","messageType":"ORM^O01","messageControlId":"MSGBAD3","ackCode":"AE","remote":"127.0.0.1:40212","rawText":"MSH|^~\\&|EPIC|MAINHOSP|BROKER|RAD|20261128090000||ORM^O01|MSGBAD3|P|2.3\rPID|1||E1000001^^^MAINHOSP||NÚÑEZ^JOSÉ\rORC|XX|PL20001\r","rawBase64":"TVNI","rawLength":312}
        """;

    public static string Error(string message) => $$"""{"error":"{{message}}"}""";
}
