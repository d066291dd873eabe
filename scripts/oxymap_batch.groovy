#@ File (label = "Folder of stacks (.tif with .energies.txt)", style = "directory") folder
#@ String (label = "References (comma-separated CSV files)") references
#@ File (label = "Results folder", style = "directory") results
#@ Double (label = "Diffusion time (s), 0 = unknown", value = 0) time_s
#@ CommandService command

// Runs OxyMap's pipeline on every TIFF stack of a folder, one results folder each (Fiji's Script Editor, or
// headless: ImageJ-linux64 --headless --run oxymap_batch.groovy 'folder="...",references="...",results="...",time_s=0').
folder.listFiles().findAll { it.name.endsWith(".tif") }.sort().each { stack ->
    def out = new File(results, stack.name.replaceFirst(/\.tif$/, ""))
    def module = command.run(org.oxymap.command.RunPipelineCommand, false,
            "stack", stack, "energies", null, "references", references, "out", out, "time_s", time_s,
            "section_nm", 80d, "bin_nm", 0d, "background", "constant", "threshold", "noise",
            "min_area_nm2", 2000d).get()
    println(stack.name + ": " + module.getOutput("summary"))
}
