#!/usr/bin/env node
// ActorBroker interop harness: a modality's MPPS SCU on Node's dcmjs-dimse 0.3.3.
// usage: node mpps-scu.js HOST PORT CALLED_AE --calling-ae CT01 --steps STEPS [options]
//   STEPS: comma-separated operations, each on its own association unless --same-assoc:
//     create          N-CREATE IN PROGRESS (Affected SOP Instance UID = --mpps-uid or generated)
//     completed       N-SET COMPLETED (Requested SOP Instance UID, as dcmjs-dimse sends it)
//     discontinued    N-SET DISCONTINUED with reason 110514 (DCM)
//     inprogress      N-SET that stays IN PROGRESS (adds a series)
//   --accession A --study-uid U [--accession2 A2 --study-uid2 U2: a second Scheduled Step item (grouped)]
//   --patient-id --patient-name --modality CT --mpps-uid U --images 2 --omit Modality,PerformedStationAETitle
//   --sop-class UID (the SOP class to request in N-CREATE/N-SET; default MPPS)
// prints one JSON line per response: {"op":"create","status":0,"statusHex":"0x0000","uid":"...","comment":""}
// and at the end {"done":true,"mppsUid":"..."}; exit 0 when the associations worked (statuses are for the test).
const crypto = require('crypto');
const path = require('path');
const { Client, Dataset, constants, requests, log } = require(path.join(process.env.PEERS_NODE_MODULES, 'dcmjs-dimse'));
const { NCreateRequest, NSetRequest } = requests;
const { SopClass } = constants;
log.setLevel('error');

const argv = process.argv.slice(2); const pos = []; const o = {};
for (let i = 0; i < argv.length; i++) {
  if (argv[i].startsWith('--')) { const k = argv[i].slice(2); if (k === 'same-assoc') o[k] = true; else o[k] = argv[++i]; } else pos.push(argv[i]);
}
const [host, port, calledAe] = [pos[0], Number(pos[1]), pos[2]];
const uid = () => '2.25.' + BigInt('0x' + crypto.randomBytes(16).toString('hex')).toString();
const mppsUid = o['mpps-uid'] || uid();
const callingAe = o['calling-ae'] || 'CT01';
const sopClass = o['sop-class'] || SopClass.ModalityPerformedProcedureStep;
const omit = new Set((o.omit || '').split(',').filter(Boolean));
const pad = (n) => String(n).padStart(2, '0');
const d = new Date(); const da = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`; const tm = `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
const ssa = (acc, study) => ({ StudyInstanceUID: study, ReferencedStudySequence: [], AccessionNumber: acc, RequestedProcedureID: o['rp-id'] || '',
  RequestedProcedureDescription: '', ScheduledProcedureStepID: o['sps-id'] || '', ScheduledProcedureStepDescription: '', ScheduledProtocolCodeSequence: [] });
const strip = (ds) => { for (const k of omit) delete ds[k]; return ds; };

function createDs() {
  const steps = [ssa(o.accession || '', o['study-uid'] || '')];
  if (o.accession2) steps.push(ssa(o.accession2, o['study-uid2'] || o['study-uid'] || ''));
  return strip({
    SpecificCharacterSet: 'ISO_IR 192', ScheduledStepAttributesSequence: steps,
    PatientName: o['patient-name'] || '', PatientID: o['patient-id'] || '', PatientBirthDate: '', PatientSex: '', ReferencedPatientSequence: [],
    PerformedProcedureStepID: 'PPS' + mppsUid.slice(-8), PerformedStationAETitle: callingAe, PerformedStationName: '', PerformedLocation: '',
    PerformedProcedureStepStartDate: da, PerformedProcedureStepStartTime: tm, PerformedProcedureStepStatus: 'IN PROGRESS',
    PerformedProcedureStepDescription: '', PerformedProcedureTypeDescription: '', ProcedureCodeSequence: [],
    PerformedProcedureStepEndDate: '', PerformedProcedureStepEndTime: '', Modality: o.modality || 'CT', StudyID: '',
    PerformedProtocolCodeSequence: [], PerformedSeriesSequence: [],
  });
}
function setDs(status) {
  const n = o.images === undefined ? 2 : Number(o.images);
  const ds = { SpecificCharacterSet: 'ISO_IR 192', PerformedProcedureStepStatus: status, PerformedProtocolCodeSequence: [],
    PerformedSeriesSequence: [{ PerformingPhysicianName: '', ProtocolName: 'ROUTINE', OperatorsName: '', SeriesInstanceUID: uid(),
      SeriesDescription: 'AX 5mm', RetrieveAETitle: '', ReferencedImageSequence: Array.from({ length: n }, () => ({ ReferencedSOPClassUID: '1.2.840.10008.5.1.4.1.1.2', ReferencedSOPInstanceUID: uid() })),
      ReferencedNonImageCompositeSOPInstanceSequence: [] }] };
  if (status !== 'IN PROGRESS') { ds.PerformedProcedureStepEndDate = da; ds.PerformedProcedureStepEndTime = tm; }
  if (status === 'DISCONTINUED') ds.PerformedProcedureStepDiscontinuationReasonCodeSequence = [{ CodeValue: '110514', CodingSchemeDesignator: 'DCM', CodeMeaning: 'Incorrect worklist entry selected' }];
  return strip(ds);
}
function request(op) {
  if (op === 'create') { const r = new NCreateRequest(sopClass, mppsUid); r.setDataset(new Dataset(createDs())); return r; }
  const status = { completed: 'COMPLETED', discontinued: 'DISCONTINUED', inprogress: 'IN PROGRESS' }[op];
  if (!status) { console.error('unknown step ' + op); process.exit(2); }
  const r = new NSetRequest(sopClass, mppsUid); r.setDataset(new Dataset(setDs(status))); return r;
}
function assoc(ops) {
  return new Promise((resolve, reject) => {
    const client = new Client();
    for (const op of ops) {
      const req = request(op);
      req.on('response', (rsp) => {
        const st = rsp.getStatus();
        process.stdout.write(JSON.stringify({ op, status: st, statusHex: '0x' + st.toString(16).padStart(4, '0'), uid: rsp.getAffectedSopInstanceUid() || '',
          comment: (rsp.getErrorComment && rsp.getErrorComment()) || '' }) + '\n');
      });
      client.addRequest(req);
    }
    client.on('associationRejected', (r) => { process.stdout.write(JSON.stringify({ rejected: r }) + '\n'); resolve(); });
    client.on('networkError', (e) => reject(e));
    client.on('closed', () => resolve());
    client.send(host, port, callingAe, calledAe, { connectTimeout: 10000, associationTimeout: 30000 });
  });
}
(async () => {
  const steps = (o.steps || 'create,completed').split(',');
  if (o['same-assoc']) await assoc(steps); else for (const s of steps) await assoc([s]);
  process.stdout.write(JSON.stringify({ done: true, mppsUid }) + '\n');
  process.exit(0);
})().catch((e) => { console.error('mpps-scu error:', e.message || e); process.exit(1); });
