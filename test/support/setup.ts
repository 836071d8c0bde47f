import { closeScratch } from '../../cloudfunctions/core/local-deps'

// The in-memory database (or server pool) a test file's stores share ends with the file.
afterAll(closeScratch)
