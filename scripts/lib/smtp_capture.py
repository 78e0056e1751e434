"""aiosmtpd handler for the test suite (scripts/lib/smtp.sh starts it).

Every message the local SMTP server accepts is written to $TEST_SMTP_DIR as two files: the raw
message (`<id>.eml`) and a JSON summary decoded by Python's own MIME parser (`<id>.json`, keys
`mail_from`, `rcpt_tos`, `from`, `to`, `subject`, `message_id`, `text`, `html` and `headers`, every
header as a `[name, value]` pair), which the Rust tests read. The JSON is
renamed into place only once complete, so a test never sees half a file.

Run as: PYTHONPATH=scripts/lib python -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_capture.Capture
"""

import json
import os
import time
import uuid
from email import policy
from email.parser import BytesParser


class Capture:
    def __init__(self):
        self.directory = os.environ["TEST_SMTP_DIR"]

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        message = BytesParser(policy=policy.default).parsebytes(raw)
        body = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "from": str(message.get("From", "")),
            "to": str(message.get("To", "")),
            "subject": str(message.get("Subject", "")),
            "message_id": str(message.get("Message-ID", "")),
            "text": body.get_content() if body is not None else "",
            "html": html.get_content() if html is not None else "",
            "headers": [[name, str(value)] for name, value in message.items()],
        }
        name = f"{time.time_ns()}-{uuid.uuid4().hex}"
        with open(os.path.join(self.directory, name + ".eml"), "wb") as f:
            f.write(raw)
        partial = os.path.join(self.directory, name + ".partial")
        with open(partial, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.replace(partial, os.path.join(self.directory, name + ".json"))
        return "250 Message accepted for delivery"
