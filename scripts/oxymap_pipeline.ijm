// OxyMap: the whole pipeline on one stack, as the macro recorder writes it.
// Runs in Fiji and in plain ImageJ 1.x with OxyMap_-<version>.jar in plugins/ (headless: ImageJ -batch under xvfb-run).
// Edit the folder below; the bundled phantom lives in the OxyMap repository under test-images/primary.
dir = getDirectory("imagej") + "oxymap-example/";
run("OxyMap Run Pipeline", "stack=[" + dir + "stack.tif] energies=[] references=[" + dir + "references/Mn2.csv," + dir + "references/Mn3.csv," + dir + "references/Mn4.csv] out=[" + dir + "results] time_s=1000000 section_nm=80 bin_nm=0 background=constant threshold=noise min_area_nm2=2000");
