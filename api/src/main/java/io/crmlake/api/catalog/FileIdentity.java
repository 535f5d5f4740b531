package io.crmlake.api.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * Which file sits at the catalog path right now. Publish renames a new file over the old one,
 * so the inode (fileKey) changes; mtime and size cover file systems without inodes.
 */
record FileIdentity(Object fileKey, FileTime modified, long size) {

    static Optional<FileIdentity> of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileIdentity(a.fileKey(), a.lastModifiedTime(), a.size()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
