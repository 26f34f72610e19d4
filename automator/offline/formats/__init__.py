"""One loader per data format: a path -> `Episode`s, in a stable order.

Each loader raises `FormatError` naming the file when the data is not what the format says.
"""
