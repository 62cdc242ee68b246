#!/usr/bin/env node
// ActorBroker interop harness: send ONE HL7 v2 message file over MLLP with node-hl7-client and print the ACK.
// usage: node hl7-send.js HOST PORT FILE
// The file is read in the character set its MSH-18 names (8859/1 -> latin1, else UTF-8) and sent in
// the same one (node-hl7-client's connection option `encoding`), segments joined by \r.
// exit 0 on AA/CA, 1 on a negative ACK, 3 on timeout.
const path = require('path');
const fs = require('fs');
const { Client, Message } = require(path.join(process.env.PEERS_NODE_MODULES, 'node-hl7-client'));
const [host, port, file] = process.argv.slice(2);
const raw = fs.readFileSync(file);
const firstSegment = raw.toString('latin1').split(/\r\n|\r|\n/)[0];
const msh18 = (firstSegment.split('|')[17] || '').split('^')[0].trim();
const encoding = msh18 === '8859/1' ? 'latin1' : 'utf8';
const text = raw.toString(encoding).replace(/\r\n|\n/g, '\r').replace(/\r+$/, '');
const client = new Client({ host });
const timer = setTimeout(() => { console.error('timeout waiting for ACK'); process.exit(3); }, 15000);
const conn = client.createConnection({ port: Number(port), waitAck: true, maxConnectionAttempts: 1, encoding }, async (res) => {
  clearTimeout(timer);
  const ack = res.getMessage();
  process.stdout.write(ack.toString().replace(/\r/g, '\n') + '\n');
  const code = ack.get('MSA.1').toString();
  await conn.close();
  process.exit(['AA', 'CA'].includes(code) ? 0 : 1);
});
conn.on('client.error', (e) => { console.error('client.error:', e.message || e); process.exit(1); });
conn.sendMessage(new Message({ text })).catch((e) => { console.error('send failed:', e.message || e); process.exit(1); });
