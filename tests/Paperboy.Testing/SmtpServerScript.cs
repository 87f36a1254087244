namespace Paperboy.Testing;

/// <summary>
/// The aiosmtpd handler <see cref="SmtpServer"/> runs: each accepted message is written whole to
/// DIR/messages/NAME.eml before the 250 reply, every RCPT is logged with its answer, addresses given
/// with --refuse get 550 and with --defer 451, --tls adds STARTTLS and --auth a login
/// that every transaction needs. While DIR/stall holds "STAGE N" and N messages are stored, the server
/// holds the next MAIL, RCPT or DATA command, or the reply to the final dot (STAGE "STORED", after the
/// message is on disk), writes DIR/stalled ("STAGE recipients") and waits until DIR/stall is removed. Every command's verb is logged with whether the session was TLS at the time (never
/// its argument, which may hold credentials), so a test can see what crossed the wire in clear.
/// </summary>
internal static class SmtpServerScript
{
    public const string Source =
        """
        import argparse, asyncio, os, signal, sys, threading, time, uuid, ssl
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

        parser = argparse.ArgumentParser()
        parser.add_argument("--port", type=int, required=True)
        parser.add_argument("--dir", required=True)
        parser.add_argument("--refuse", action="append", default=[])
        parser.add_argument("--defer", action="append", default=[])
        parser.add_argument("--tls", nargs=2)
        parser.add_argument("--auth")
        args = parser.parse_args()
        messages = os.path.join(args.dir, "messages")
        os.makedirs(messages, exist_ok=True)
        lock = threading.Lock()

        def stored_count():
            return sum(1 for name in os.listdir(messages) if name.endswith(".eml"))

        async def stall(stage, envelope):
            # A test's breakpoint: it kills the client while the server provably holds this stage.
            path = os.path.join(args.dir, "stall")
            try:
                with open(path) as f:
                    wanted, after = f.read().split()
            except (FileNotFoundError, ValueError):
                return
            if wanted != stage or stored_count() < int(after):
                return
            marker = os.path.join(args.dir, "stalled")
            with open(marker + ".tmp", "w") as f:
                f.write(stage + " " + ",".join(envelope.rcpt_tos if envelope else []))
            os.rename(marker + ".tmp", marker)
            while os.path.exists(path):
                await asyncio.sleep(0.005)

        def log(name, line):
            with lock, open(os.path.join(args.dir, name), "a") as f:
                f.write(line + "\n")

        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address in args.refuse:
                    log("rcpt.log", address + " 550")
                    return "550 5.1.1 <" + address + ">: no such mailbox"
                if address in args.defer:
                    log("rcpt.log", address + " 451")
                    return "451 4.3.0 try again later"
                log("rcpt.log", address + " 250")
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                data = envelope.original_content or envelope.content
                name = "%d-%s" % (time.time_ns(), uuid.uuid4().hex)
                temporary = os.path.join(messages, name + ".tmp")
                with open(temporary, "wb") as f:
                    f.write(data)
                os.rename(temporary, os.path.join(messages, name + ".eml"))
                log("envelopes.log", name + " " + envelope.mail_from + " " + ",".join(envelope.rcpt_tos) + (" tls" if session.ssl else ""))
                await stall("STORED", envelope)
                return "250 OK queued as " + name

        def authenticate(server, session, envelope, mechanism, auth_data):
            user = auth_data.login.decode() if isinstance(auth_data, LoginPassword) else "?"
            ok = isinstance(auth_data, LoginPassword) and args.auth == user + ":" + auth_data.password.decode()
            log("auth.log", mechanism + " " + user + " " + ("ok" if ok else "refused") + (" tls" if session.ssl else " clear"))
            # handled=False: aiosmtpd then answers 535 itself; its default (handled=True) sends no reply at all.
            return AuthResult(success=ok, handled=False)

        class LoggingSMTP(SMTP):
            # Wraps every command so commands.log shows each verb as it arrived, in clear or inside TLS.
            def __init__(self, *a, **kw):
                super().__init__(*a, **kw)
                for verb, method in list(self._smtp_methods.items()):
                    self._smtp_methods[verb] = self._logged(verb, method)

            def _logged(self, verb, method):
                async def run(arg):
                    log("commands.log", verb + (" tls" if self._tls_protocol else " clear"))
                    await stall(verb, self.envelope)
                    await method(arg)
                return run

        class LoggingController(Controller):
            def factory(self):
                return LoggingSMTP(self.handler, **self.SMTP_kwargs)

        kwargs = {}
        if args.tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(args.tls[0], args.tls[1])
            kwargs["tls_context"] = context
        if args.auth:
            kwargs["authenticator"] = authenticate
            # Without --tls the server offers AUTH in clear, so a test can check the client still keeps its password.
            kwargs["auth_require_tls"] = bool(args.tls)
            kwargs["auth_required"] = True
        controller = LoggingController(Handler(), hostname="127.0.0.1", port=args.port, **kwargs)
        controller.start()
        print("READY", flush=True)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            sys.stdin.read()
        finally:
            controller.stop()
        """;
}
