"""Where documents come from: files and folders -> RawDocument."""
