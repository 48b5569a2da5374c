// Integration tests talk to a real PostgreSQL; the first query of a file pays for the
// connection and a database copy.
jest.setTimeout(30_000);
