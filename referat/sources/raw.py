"""The raw bytes of one document and where they came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawDocument:
    """Bytes as read, before any decoding; `uri` names the document in every message."""

    uri: str
    data: bytes
    # The content type a server declared, if the document came from one.
    media_type: str | None = None
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha256", hashlib.sha256(self.data).hexdigest())

    @property
    def suffix(self) -> str:
        name = self.uri.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[-1].lower() if "." in name else ""
