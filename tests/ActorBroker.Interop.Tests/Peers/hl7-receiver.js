#!/usr/bin/env node
// ActorBroker interop harness: an EHR-side MLLP receiver. Prints one JSON line per event on stdout:
//   {"event":"listening","port":N}
//   {"event":"message","controlId":"...","type":"ORM^O01","text":"MSH|...\r...","ack":"AA"}
// usage: node hl7-receiver.js [--port P] [--raw] [--ack AA|AE|AR] [--ae-if TEXT] [--ae-once]
//   default: node-hl7-server 2.5.0 (a real third-party receiver; it re-ACKs earlier messages on a
//            kept-open connection, which is what an outbound sender must survive: match ACKs by MSA-2)
//   --raw:   a plain MLLP receiver written here (listens on port 0 when --port is omitted)
//   --ae-if TEXT: answer AE to messages whose text contains TEXT (a "poisoned" order); others get --ack
//   --ae-count N: ... only for the first N such messages (then the "fixed" receiver accepts them)
const net = require('net');
const path = require('path');
const argv = process.argv.slice(2); const o = { ack: 'AA', port: '0' };
for (let i = 0; i < argv.length; i++) {
  const k = argv[i].slice(2);
  if (k === 'raw') o[k] = true; else o[k] = argv[++i];
}
let aeLeft = o['ae-count'] === undefined ? Infinity : Number(o['ae-count']);
const decide = (text) => {
  if (o['ae-if'] && text.includes(o['ae-if']) && aeLeft > 0) { aeLeft--; return 'AE'; }
  return o.ack;
};
const emit = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
const fieldsOf = (text) => { const msh = text.split('\r')[0]; const fs = msh[3]; return msh.split(fs); };

if (!o.raw) {
  // node-hl7-server 2.5.0 passes {hostname} to net.Server.listen, which only knows `host`: force loopback.
  const origListen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (opts, ...rest) {
    if (typeof opts === 'number') opts = { port: opts };
    if (opts && typeof opts === 'object' && !opts.host) opts = { ...opts, host: '127.0.0.1' };
    return origListen.call(this, opts, ...rest);
  };
  const { Server } = require(path.join(process.env.PEERS_NODE_MODULES, 'node-hl7-server'));
  const server = new Server({ bindAddress: '127.0.0.1' });
  const ib = server.createInbound({ port: Number(o.port) }, async (req, res) => {
    const text = req.getMessage().toString();
    const f = fieldsOf(text);
    const code = decide(text, f[9] || '');
    emit({ event: 'message', controlId: f[9] || '', type: f[8] || '', text, ack: code });
    await res.sendResponse(code);
  });
  ib.on('listen', () => emit({ event: 'listening', port: Number(o.port) }));
  ib.on('data.error', (e) => emit({ event: 'error', error: String(e && e.message || e) }));
  ib.on('error', (e) => { emit({ event: 'error', error: String(e && e.message || e) }); process.exit(1); });
} else {
  const VT = '\x0b', FS = '\x1c', CR = '\r';
  let ctl = 0;
  const ack = (text, code) => {
    const f = fieldsOf(text); const cs = f[1][0]; const trig = (f[8] || '').split(cs)[1] || '';
    const ts = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    return [['MSH', f[1], f[4] || '', f[5] || '', f[2] || '', f[3] || '', ts, '', `ACK${cs}${trig}${cs}ACK`,
      `R${Date.now()}${++ctl}`, f[10] || 'P', f[11] || '2.5.1', '', '', '', '', '', f[17] || ''].join(f[0] === 'MSH' ? text[3] : '|'),
      ['MSA', code, f[9] || ''].join(text[3])].join(CR) + CR;
  };
  const srv = net.createServer((sock) => {
    let buf = Buffer.alloc(0);
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const s = buf.indexOf(0x0b); const e = buf.indexOf(Buffer.from([0x1c, 0x0d]), s + 1);
        if (s < 0 || e < 0) break;
        const body = buf.subarray(s + 1, e); buf = buf.subarray(e + 2);
        const latin = body.toString('latin1');
        const msh18 = (fieldsOf(latin)[17] || '').split('^')[0];
        const text = msh18 === '8859/1' ? latin : body.toString('utf8');
        const f = fieldsOf(text);
        const code = decide(text, f[9] || '');
        emit({ event: 'message', controlId: f[9] || '', type: f[8] || '', text, ack: code });
        sock.write(Buffer.concat([Buffer.from([0x0b]), Buffer.from(ack(text, code), msh18 === '8859/1' ? 'latin1' : 'utf8'), Buffer.from([0x1c, 0x0d])]));
      }
    });
    sock.on('error', () => {});
  });
  srv.listen(Number(o.port), '127.0.0.1', () => emit({ event: 'listening', port: srv.address().port }));
}
process.on('SIGTERM', () => process.exit(0));
