enum EncodeModule {}
