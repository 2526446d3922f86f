#!/usr/bin/env python3
"""Adds a health check to the image in a docker-archive tarball, in place.

Neither Jib nor the OCI image format (umoci) can record a health check: only Docker's image
configuration has one (podman reads it too). So the configuration in the archive is rewritten:

  with-healthcheck.py IMAGE.tar 'SHELL COMMAND' [INTERVAL_S TIMEOUT_S START_PERIOD_S RETRIES]
"""
import hashlib
import io
import json
import os
import sys
import tarfile

SECOND = 1_000_000_000  # Docker keeps durations in nanoseconds


def main(archive, command, interval=15, timeout=10, start_period=30, retries=3):
    with tarfile.open(archive) as source:
        members = [(m, source.extractfile(m).read() if m.isfile() else None) for m in source.getmembers()]
    files = {m.name: data for m, data in members}
    manifest = json.loads(files["manifest.json"])
    config_name = manifest[0]["Config"]
    config = json.loads(files[config_name])
    config.setdefault("config", {})["Healthcheck"] = {
        "Test": ["CMD-SHELL", command],
        "Interval": int(interval) * SECOND,
        "Timeout": int(timeout) * SECOND,
        "StartPeriod": int(start_period) * SECOND,
        "Retries": int(retries),
    }
    config_bytes = json.dumps(config, separators=(",", ":")).encode()
    # The configuration's file name is its digest in archives written by skopeo: keep it so.
    new_name = hashlib.sha256(config_bytes).hexdigest() + ".json" if config_name.endswith(".json") and len(config_name) == 69 else config_name
    manifest[0]["Config"] = new_name
    files.pop(config_name)
    files[new_name] = config_bytes
    files["manifest.json"] = json.dumps(manifest, separators=(",", ":")).encode()
    written = archive + ".new"
    with tarfile.open(written, "w") as target:
        for member, _ in members:
            name = new_name if member.name == config_name else member.name
            data = files.get(name)
            info = tarfile.TarInfo(name)
            info.mode = member.mode
            info.mtime = member.mtime
            if member.isfile():
                info.size = len(data)
                target.addfile(info, io.BytesIO(data))
            else:
                info.type = member.type
                info.linkname = member.linkname
                target.addfile(info)
    os.replace(written, archive)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
