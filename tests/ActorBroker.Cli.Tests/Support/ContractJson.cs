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

    public const string Interfaces = """
        {"interfaces":[
          {"name":"orders","direction":"inbound","kind":"hl7-mllp","endpoint":"127.0.0.1:2575","state":"listening","connected":true,"connections":2,"queueDepth":0,"inFlight":0,"parked":0,"oldestMessageAgeSeconds":null,"retries":0,"delivered":0,"accepted":10,"rejected":1,"errors":0,"lastError":null,"lastErrorAt":null,"lastMessageAt":"2026-11-28T10:00:00+00:00"},
          {"name":"ehr","direction":"outbound","kind":"hl7-mllp","endpoint":"127.0.0.1:2576","state":"connected","connected":true,"connections":1,"queueDepth":3,"inFlight":1,"parked":1,"oldestMessageAgeSeconds":12.5,"retries":4,"delivered":120,"accepted":null,"rejected":null,"errors":2,"lastError":"AE from receiver: unknown order","lastErrorAt":"2026-11-28T10:01:00+00:00","lastMessageAt":"2026-11-28T10:02:00+00:00"}
        ]}
        """;

    public const string Interface = """
        {"name":"ehr","direction":"outbound","kind":"hl7-mllp","endpoint":"127.0.0.1:2576","state":"connected","connected":true,"connections":1,"queueDepth":3,"inFlight":1,"parked":1,"oldestMessageAgeSeconds":184.2,"retries":4,"delivered":120,"accepted":null,"rejected":null,"errors":2,"lastError":"AE from receiver: unknown order","lastErrorAt":"2026-11-28T10:01:00+00:00","lastMessageAt":"2026-11-28T10:02:00+00:00",
         "messages":[
           {"id":"ehr-000000000042","order":"MAINHOSP|ACC1","messageControlId":"AB000000000042","kind":"status","summary":"ORM^O01 SC/IP","state":"parked","attempts":3,"enqueuedAt":"2026-11-28T09:59:00+00:00","nextAttemptAt":null,"lastError":"AE: unknown order"},
           {"id":"ehr-000000000043","order":"MAINHOSP|ACC2","messageControlId":"AB000000000043","kind":"report","summary":"ORU^R01 F","state":"in-flight","attempts":1,"enqueuedAt":"2026-11-28T10:00:00+00:00","nextAttemptAt":null,"lastError":null},
           {"id":"ehr-000000000044","order":"NORTHCLINIC|ACC3","messageControlId":"AB000000000044","kind":"status","summary":"ORM^O01 SC/CM","state":"pending","attempts":0,"enqueuedAt":"2026-11-28T10:01:30+00:00","nextAttemptAt":"2026-11-28T10:02:30+00:00","lastError":null}
         ],
         "totalMessages":3}
        """;

    public const string Study = """
        {"studyInstanceUid":"1.2.3","version":3,
         "mpps":[{"uid":"2.25.1","status":"COMPLETED","station":"CT01","modality":"CT","start":"20261128101500","end":"20261128103000","orders":["MAINHOSP|ACC1"]}],
         "series":[{"uid":"1.2.3.4","description":"AX 5mm","images":120}],
         "orders":[{"site":"MAINHOSP","accession":"ACC1","state":"Completed"}]}
        """;

    public static string Error(string message) => $$"""{"error":"{{message}}"}""";
}
