package io.ckpt.jmh;
final class Placeholder {}
