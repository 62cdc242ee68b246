#!/usr/bin/env node
// ActorBroker interop harness: send ONE HL7 v2 message file over MLLP with node-hl7-client and print the ACK.
// usage: node hl7-send.js HOST PORT FILE    (the file's bytes are sent as UTF-8 text, segments joined by \r)
// exit 0 on AA/CA, 1 on a negative ACK, 3 on timeout.
const path = require('path');
const fs = require('fs');
const { Client, Message } = require(path.join(process.env.PEERS_NODE_MODULES, 'node-hl7-client'));
const [host, port, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8').replace(/\r\n|\n/g, '\r').replace(/\r+$/, '');
const client = new Client({ host });
const timer = setTimeout(() => { console.error('timeout waiting for ACK'); process.exit(3); }, 15000);
const conn = client.createConnection({ port: Number(port), waitAck: true, maxConnectionAttempts: 1 }, async (res) => {
  clearTimeout(timer);
  const ack = res.getMessage();
  process.stdout.write(ack.toString().replace(/\r/g, '\n') + '\n');
  const code = ack.get('MSA.1').toString();
  await conn.close();
  process.exit(['AA', 'CA'].includes(code) ? 0 : 1);
});
conn.on('client.error', (e) => { console.error('client.error:', e.message || e); process.exit(1); });
conn.sendMessage(new Message({ text })).catch((e) => { console.error('send failed:', e.message || e); process.exit(1); });
