#!/usr/bin/env node
// ActorBroker interop harness: a PACS-side MPPS SCP on Node's dcmjs-dimse 0.3.3 (for MPPS forwarding).
// usage: node mpps-scp.js [--port 0] [--ae PACS]
// prints {"event":"listening","port":N}, then per request {"event":"ncreate"|"nset","uid":"...","status":"...","calling":"AE","result":"0x0000"}.
// Enforces the PS3.4 F rules a strict PACS applies: duplicate create 0111, unknown instance 0112, update after final 0110.
const net = require('net');
const path = require('path');
const { Server, Scp, constants, responses, log } = require(path.join(process.env.PEERS_NODE_MODULES, 'dcmjs-dimse'));
log.setLevel('error');
const { CEchoResponse, NCreateResponse, NSetResponse } = responses;
const { Status, SopClass, TransferSyntax, PresentationContextResult, RejectResult, RejectSource, RejectReason } = constants;
const argv = process.argv.slice(2); const o = { port: '0', ae: 'PACS' };
for (let i = 0; i < argv.length; i++) o[argv[i].slice(2)] = argv[++i];
const emit = (x) => process.stdout.write(JSON.stringify(x) + '\n');
const store = new Map();
class MppsScp extends Scp {
  associationRequested(association) {
    this.association = association;
    if (association.getCalledAeTitle() !== o.ae) return this.sendAssociationReject(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CalledAeNotRecognized);
    for (const c of association.getPresentationContexts()) {
      const ctx = association.getPresentationContext(c.id);
      const as = ctx.getAbstractSyntaxUid();
      if (as === SopClass.ModalityPerformedProcedureStep || as === SopClass.Verification) {
        const ts = [...ctx.getTransferSyntaxUids()];
        const pick = [TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian].find((t) => ts.includes(t));
        if (pick) ctx.setResult(PresentationContextResult.Accept, pick); else ctx.setResult(PresentationContextResult.RejectTransferSyntaxesNotSupported);
      } else ctx.setResult(PresentationContextResult.RejectAbstractSyntaxNotSupported);
    }
    this.sendAssociationAccept();
  }
  cEchoRequest(request, callback) { const r = CEchoResponse.fromRequest(request); r.setStatus(Status.Success); callback(r); }
  nCreateRequest(request, callback) {
    const uid = request.getAffectedSopInstanceUid(); const ds = request.getDataset();
    const st = ds && ds.getElement('PerformedProcedureStepStatus'); const r = NCreateResponse.fromRequest(request);
    if (store.has(uid)) r.setStatus(Status.DuplicateSOPInstance);
    else if (st !== 'IN PROGRESS') r.setStatus(Status.InvalidAttributeValue);
    else { store.set(uid, st); r.setStatus(Status.Success); }
    emit({ event: 'ncreate', uid, status: st || '', calling: this.association.getCallingAeTitle(), result: '0x' + r.getStatus().toString(16).padStart(4, '0'),
      accession: ((ds && ds.getElement('ScheduledStepAttributesSequence')) || [{}])[0].AccessionNumber || '' });
    callback(r);
  }
  nSetRequest(request, callback) {
    const uid = request.getRequestedSopInstanceUid(); const ds = request.getDataset(); const r = NSetResponse.fromRequest(request);
    const cur = store.get(uid); const st = ds && ds.getElement('PerformedProcedureStepStatus');
    if (!cur) r.setStatus(Status.NoSuchObjectInstance);
    else if (cur !== 'IN PROGRESS') r.setStatus(0x0110);
    else { if (st) store.set(uid, st); r.setStatus(Status.Success); }
    emit({ event: 'nset', uid, status: st || '', calling: this.association.getCallingAeTitle(), result: '0x' + r.getStatus().toString(16).padStart(4, '0') });
    callback(r);
  }
  associationReleaseRequested() { this.sendAssociationReleaseResponse(); }
}
// dcmjs-dimse's Server.listen(port) binds every interface; a net.listen options object binds loopback.
// It does not report the bound port, so when --port 0 is asked for, find a free one first.
const start = (port) => {
  const server = new Server(MppsScp);
  server.on('networkError', (e) => emit({ event: 'error', error: e.message }));
  server.listen({ port, host: '127.0.0.1' });
  setTimeout(() => emit({ event: 'listening', port }), 200);
  process.on('SIGTERM', () => { server.close(); process.exit(0); });
};
if (Number(o.port) > 0) start(Number(o.port));
else { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => start(p)); }); }
