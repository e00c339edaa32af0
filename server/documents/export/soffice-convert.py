"""Word -> PDF through a LibreOffice process that is already running (soffice-warm.ts starts it with
--accept=pipe,...). Waits for the pipe until the deadline (the process may still be starting), opens the
document hidden and read-only, stores it with the writer_pdf_Export filter and closes it.

Usage: python3 soffice-convert.py PIPE_NAME INPUT.docx OUTPUT.pdf CONNECT_TIMEOUT_SECONDS
Exit status 0 when the PDF was written; otherwise 1 with the reason on stderr.
"""

import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    result = PropertyValue()
    result.Name = name
    result.Value = value
    return result


def connect(pipe, deadline):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def main():
    pipe, source, target, timeout = sys.argv[1:5]
    context = connect(pipe, time.monotonic() + float(timeout))
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    document = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(source),
        "_blank",
        0,
        (prop("Hidden", True), prop("ReadOnly", True), prop("UpdateDocMode", 0)),
    )
    if document is None:
        raise RuntimeError("LibreOffice could not open the document")
    try:
        document.storeToURL(
            uno.systemPathToFileUrl(target),
            (prop("FilterName", "writer_pdf_Export"), prop("Overwrite", True)),
        )
    finally:
        document.close(True)


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # noqa: BLE001 - every failure is reported to the caller the same way
        sys.stderr.write("soffice-convert: %s: %s\n" % (type(error).__name__, error))
        sys.exit(1)
