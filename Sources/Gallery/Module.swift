enum GalleryModule {}
