package io.ckpt.tools;
public final class Main { public static void main(String[] a) {} }
