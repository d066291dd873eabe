package org.oxymap.cli;
public class OxyMapCli { public static void main(String[] a) {} }
