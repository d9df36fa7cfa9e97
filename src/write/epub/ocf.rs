//! The ZIP container of a book, written straight to the output as its files come. One
//! deflater serves every file, reset in between: a book has a file per chapter (4,000 for a
//! 10 MB Markdown input), and setting up a new deflater for each, as the `zip` crate's
//! writer does, took a third of the time of a book. Only what EPUB needs: stored and
//! deflated files, one timestamp, no data descriptors, ZIP64 only for more than 65,535 files.

use crate::error::{Error, Result};
use flate2::{Compress, Compression, FlushCompress, Status};
use std::io::Write;

/// A ZIP archive being written.
pub(super) struct Zip<'w> {
    out: &'w mut dyn Write,
    /// Bytes written so far: where the next file's header goes.
    offset: u64,
    entries: Vec<Entry>,
    deflater: Compress,
    /// The deflated bytes of the file being added.
    buffer: Vec<u8>,
    /// MS-DOS time and date of every file.
    time: u16,
    date: u16,
}

/// A file written, for the central directory.
struct Entry {
    name: String,
    method: u16,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

const STORED: u16 = 0;
const DEFLATED: u16 = 8;
/// Files are regular files readable by all, written by their owner (as on Unix).
const UNIX_FILE_MODE: u32 = 0o100_644;

impl<'w> Zip<'w> {
    /// An archive whose files all bear `time`; `level` is the deflate level (0 to 9).
    pub fn new(out: &'w mut dyn Write, time: zip::DateTime, level: u32) -> Zip<'w> {
        Zip {
            out,
            offset: 0,
            entries: Vec::new(),
            deflater: Compress::new(Compression::new(level), false),
            buffer: Vec::new(),
            time: time.timepart(),
            date: time.datepart(),
        }
    }

    /// Adds a file as it is.
    pub fn stored(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        let crc = crc32fast::hash(bytes);
        self.add(name, STORED, crc, bytes.len(), bytes)
    }

    /// Adds a file deflated.
    pub fn deflated(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        let crc = crc32fast::hash(bytes);
        let mut buffer = std::mem::take(&mut self.buffer);
        buffer.clear();
        buffer.reserve(bytes.len() / 2 + 64);
        self.deflater.reset();
        loop {
            let read = self.deflater.total_in() as usize;
            let status = self
                .deflater
                .compress_vec(&bytes[read..], &mut buffer, FlushCompress::Finish)
                .map_err(|e| Error::write("epub", e))?;
            match status {
                Status::StreamEnd => break,
                // The output is full: make room and go on.
                Status::Ok | Status::BufError => buffer.reserve(buffer.len().max(64)),
            }
        }
        let result = self.add(name, DEFLATED, crc, bytes.len(), &buffer);
        self.buffer = buffer;
        result
    }

    fn add(&mut self, name: &str, method: u16, crc: u32, size: usize, data: &[u8]) -> Result<()> {
        let too_big = || Error::write("epub", "the book is too big for a ZIP file (over 4 GB)");
        let entry = Entry {
            name: name.to_string(),
            method,
            crc,
            compressed: u32::try_from(data.len()).map_err(|_| too_big())?,
            size: u32::try_from(size).map_err(|_| too_big())?,
            offset: u32::try_from(self.offset).map_err(|_| too_big())?,
        };
        let mut header = Vec::with_capacity(30 + name.len());
        header.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        header.extend_from_slice(&version_needed(method).to_le_bytes());
        self.common_fields(&mut header, &entry);
        header.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        header.extend_from_slice(name.as_bytes());
        self.out.write_all(&header)?;
        self.out.write_all(data)?;
        self.offset += (header.len() + data.len()) as u64;
        self.entries.push(entry);
        Ok(())
    }

    /// The fields that the local header and the central directory share, from the flags
    /// to the length of the name.
    fn common_fields(&self, out: &mut Vec<u8>, e: &Entry) {
        // Bit 11: the name is UTF-8.
        let flags: u16 = if e.name.is_ascii() { 0 } else { 1 << 11 };
        for field in [flags, e.method, self.time, self.date] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        for field in [e.crc, e.compressed, e.size] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        out.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
    }

    /// Writes the central directory and its end.
    pub fn finish(self) -> Result<()> {
        let mut dir = Vec::with_capacity(self.entries.len() * 80);
        for e in &self.entries {
            dir.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            // Made on Unix (3), so that the mode in the external attributes counts.
            dir.extend_from_slice(&(3u16 << 8 | 20).to_le_bytes());
            dir.extend_from_slice(&version_needed(e.method).to_le_bytes());
            self.common_fields(&mut dir, e);
            // Extra field and comment lengths, disk number, internal attributes.
            for field in [0u16; 4] {
                dir.extend_from_slice(&field.to_le_bytes());
            }
            dir.extend_from_slice(&(UNIX_FILE_MODE << 16).to_le_bytes());
            dir.extend_from_slice(&e.offset.to_le_bytes());
            dir.extend_from_slice(e.name.as_bytes());
        }
        let dir_offset = self.offset;
        let dir_size = dir.len() as u64;
        let count = self.entries.len() as u64;
        let too_big = || Error::write("epub", "the book is too big for a ZIP file (over 4 GB)");
        let dir_offset32 = u32::try_from(dir_offset).map_err(|_| too_big())?;
        let dir_size32 = u32::try_from(dir_size).map_err(|_| too_big())?;
        let count16 = match u16::try_from(count) {
            Ok(n) => n,
            Err(_) => {
                // ZIP64: its end of central directory record, then the locator of that.
                let record = dir_offset + dir_size;
                dir.extend_from_slice(&0x0606_4b50u32.to_le_bytes());
                dir.extend_from_slice(&44u64.to_le_bytes());
                dir.extend_from_slice(&(3u16 << 8 | 45).to_le_bytes());
                dir.extend_from_slice(&45u16.to_le_bytes());
                dir.extend_from_slice(&[0; 8]); // this disk, the directory's disk
                for field in [count, count, dir_size, dir_offset] {
                    dir.extend_from_slice(&field.to_le_bytes());
                }
                dir.extend_from_slice(&0x0706_4b50u32.to_le_bytes());
                dir.extend_from_slice(&0u32.to_le_bytes());
                dir.extend_from_slice(&record.to_le_bytes());
                dir.extend_from_slice(&1u32.to_le_bytes());
                u16::MAX
            }
        };
        dir.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        dir.extend_from_slice(&[0; 4]); // this disk, the directory's disk
        dir.extend_from_slice(&count16.to_le_bytes());
        dir.extend_from_slice(&count16.to_le_bytes());
        dir.extend_from_slice(&dir_size32.to_le_bytes());
        dir.extend_from_slice(&dir_offset32.to_le_bytes());
        dir.extend_from_slice(&0u16.to_le_bytes()); // comment length
        self.out.write_all(&dir)?;
        Ok(())
    }
}

/// ZIP 2.0 for deflate, 1.0 for stored files.
fn version_needed(method: u16) -> u16 {
    if method == DEFLATED {
        20
    } else {
        10
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Read};

    /// What the `zip` crate reads back: names, contents and modes, in order.
    fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>, Option<u32>)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut file = archive.by_index(i).unwrap();
                let mut content = Vec::new();
                file.read_to_end(&mut content).unwrap();
                (file.name().to_string(), content, file.unix_mode())
            })
            .collect()
    }

    #[test]
    fn files_read_back_as_written() {
        let long = "chapter text, again and again. ".repeat(5000);
        let mut out = Vec::new();
        let mut zip = Zip::new(&mut out, zip::DateTime::default(), 1);
        zip.stored("mimetype", b"application/epub+zip").unwrap();
        zip.deflated("EPUB/été.xhtml", long.as_bytes()).unwrap();
        zip.deflated("EPUB/empty.xhtml", b"").unwrap();
        zip.stored("EPUB/image.png", &[0, 1, 2, 255]).unwrap();
        zip.finish().unwrap();
        // `mimetype` first and stored, its content right after its 38-byte header.
        assert_eq!(&out[30..38], b"mimetype");
        assert_eq!(&out[38..58], b"application/epub+zip");
        assert!(out.len() < long.len() / 10, "deflated: {} bytes", out.len());
        let files = unzip(&out);
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "mimetype",
                "EPUB/été.xhtml",
                "EPUB/empty.xhtml",
                "EPUB/image.png"
            ]
        );
        assert_eq!(files[1].1, long.as_bytes());
        assert_eq!(files[2].1, b"");
        assert_eq!(files[3].1, [0, 1, 2, 255]);
        assert!(files.iter().all(|f| f.2 == Some(UNIX_FILE_MODE)));
    }

    #[test]
    fn more_than_65535_files_take_zip64() {
        let mut out = Vec::new();
        let mut zip = Zip::new(&mut out, zip::DateTime::default(), 1);
        for i in 0..70_000 {
            zip.deflated(&format!("f{i}"), i.to_string().as_bytes())
                .unwrap();
        }
        zip.finish().unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(&out)).unwrap();
        assert_eq!(archive.len(), 70_000);
        let mut last = String::new();
        archive
            .by_name("f69999")
            .unwrap()
            .read_to_string(&mut last)
            .unwrap();
        assert_eq!(last, "69999");
    }
}
